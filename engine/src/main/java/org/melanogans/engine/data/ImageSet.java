package org.melanogans.engine.data;

import java.util.List;
import java.util.Objects;
import org.melanogans.engine.experiment.LesionClass;

/**
 * Square RGB training images held as uint8, NHWC (image, row, column, channel R G B).
 *
 * @param ids        image ids (file names without extension), in load order
 * @param labels     class of each image, or null when the source has no labels
 * @param resolution side of every image in pixels
 * @param pixels     count x resolution x resolution x 3 bytes, unsigned
 * @param sha256     hash over the prepared pixels and ids: identifies the training data
 * @param skipped    human-readable reasons for every image that was left out (empty if none)
 */
public record ImageSet(List<String> ids, List<LesionClass> labels, int resolution, byte[] pixels,
                       String sha256, List<String> skipped) {
    public ImageSet {
        ids = List.copyOf(ids);
        labels = labels == null ? null : List.copyOf(labels);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(pixels);
        if (pixels.length != (long) ids.size() * resolution * resolution * 3) {
            throw new IllegalArgumentException("pixels hold " + pixels.length + " bytes, expected "
                    + ids.size() + " x " + resolution + " x " + resolution + " x 3");
        }
        if (labels != null && labels.size() != ids.size()) {
            throw new IllegalArgumentException(labels.size() + " labels for " + ids.size() + " images");
        }
    }

    public int count() {
        return ids.size();
    }

    public int bytesPerImage() {
        return resolution * resolution * 3;
    }

    /** Copies the given images into {@code out} scaled to [-1, 1] (the generator's tanh range). */
    public void copyAsFloats(int[] indices, float[] out) {
        int n = bytesPerImage();
        for (int i = 0; i < indices.length; i++) {
            int src = indices[i] * n;
            int dst = i * n;
            for (int j = 0; j < n; j++) {
                out[dst + j] = (pixels[src + j] & 0xFF) / 127.5f - 1f;
            }
        }
    }
}
