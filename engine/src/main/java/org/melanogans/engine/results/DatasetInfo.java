package org.melanogans.engine.results;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.metrics.HistogramFloor;
import org.melanogans.engine.metrics.SlicedWasserstein;
import org.melanogans.engine.metrics.StructureMetrics;

/**
 * Which training data the metrics refer to.
 *
 * @param format     data format in lower case ({@code isic2017}, {@code generated}, {@code folder})
 * @param images     number of training images
 * @param resolution side of the training images in pixels
 * @param sha256     the prepared data's hash ({@link ImageSet#sha256()}): equal hashes, equal data
 * @param floor      the histogram metrics between random halves of these images (null in files
 *                   written before it was measured)
 * @param swdFloor   the sliced Wasserstein distance between two seeded halves of these images, the
 *                   floor of every model's SWD (null in older files, or when the images are too few
 *                   or too small for it)
 */
public record DatasetInfo(String format, int images, int resolution, String sha256, HistogramFloor floor,
                          SwdFloor swdFloor) {

    public DatasetInfo(String format, int images, int resolution, String sha256) {
        this(format, images, resolution, sha256, null, null);
    }

    /**
     * @param swd    mean over the levels, x 1000
     * @param levels per level side
     * @param images images in each half
     */
    public record SwdFloor(double swd, Map<String, Double> levels, int images) {
    }

    /** Describes a prepared image set, with its floors measured with {@code metrics}. */
    public static DatasetInfo of(DataFormat format, ImageSet images, StructureMetrics.Settings metrics) {
        SwdFloor swd = null;
        if (StructureMetrics.problem(images.count() / 2, images.count() / 2, images.resolution(),
                metrics.pairsAtMost(1)) == null) {
            SlicedWasserstein.Result halves = StructureMetrics.swdFloor(images, metrics);
            Map<String, Double> levels = new LinkedHashMap<>();
            halves.levels().forEach((side, value) -> levels.put(String.valueOf(side), value));
            swd = new SwdFloor(halves.swd(), levels, halves.images());
        }
        return new DatasetInfo(format.name().toLowerCase(Locale.ROOT), images.count(), images.resolution(),
                images.sha256(), HistogramFloor.of(images), swd);
    }
}
