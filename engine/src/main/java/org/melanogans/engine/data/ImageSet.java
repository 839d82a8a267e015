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

    /** An image set hashed over its own ids and pixels, nothing skipped (images assembled in memory). */
    public static ImageSet of(List<String> ids, List<LesionClass> labels, int resolution, byte[] pixels) {
        return new ImageSet(ids, labels, resolution, pixels, PreparedCache.sha256(ids, pixels), List.of());
    }

    /** The images at {@code indices}, in that order. */
    public ImageSet subset(int[] indices) {
        int n = bytesPerImage();
        byte[] out = new byte[indices.length * n];
        List<String> subIds = new java.util.ArrayList<>(indices.length);
        List<LesionClass> subLabels = labels == null ? null : new java.util.ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, out, i * n, n);
            subIds.add(ids.get(indices[i]));
            if (subLabels != null) {
                subLabels.add(labels.get(indices[i]));
            }
        }
        return of(subIds, subLabels, resolution, out);
    }

    /** The same images resized to {@code side} (itself when already that size). */
    public ImageSet resized(int side) {
        if (side == resolution) {
            return this;
        }
        int n = bytesPerImage();
        int m = side * side * 3;
        byte[] out = new byte[count() * m];
        Parallel.map(count(), i -> {
            byte[] rgb = java.util.Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
            byte[] small = ImageResampler.resize(new RgbImage(ids.get(i), resolution, resolution, rgb), side, side).rgb();
            System.arraycopy(small, 0, out, i * m, m);
            return null;
        });
        return of(ids, labels, side, out);
    }

    /** This set followed by {@code more} (same resolution). */
    public ImageSet concat(ImageSet more) {
        if (more.resolution != resolution || (labels == null) != (more.labels == null)) {
            throw new IllegalArgumentException("cannot join " + resolution + " px images with " + more.resolution
                    + " px ones, or labelled with unlabelled ones");
        }
        byte[] out = java.util.Arrays.copyOf(pixels, pixels.length + more.pixels.length);
        System.arraycopy(more.pixels, 0, out, pixels.length, more.pixels.length);
        List<String> allIds = new java.util.ArrayList<>(ids);
        allIds.addAll(more.ids);
        List<LesionClass> allLabels = null;
        if (labels != null) {
            allLabels = new java.util.ArrayList<>(labels);
            allLabels.addAll(more.labels);
        }
        return of(allIds, allLabels, resolution, out);
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
