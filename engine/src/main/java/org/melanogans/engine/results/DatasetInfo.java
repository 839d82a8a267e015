package org.melanogans.engine.results;

import java.util.Locale;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.metrics.HistogramFloor;

/**
 * Which training data the metrics refer to.
 *
 * @param format     data format in lower case ({@code isic2017}, {@code generated}, {@code folder})
 * @param images     number of training images
 * @param resolution side of the training images in pixels
 * @param sha256     the prepared data's hash ({@link ImageSet#sha256()}): equal hashes, equal data
 * @param floor      the histogram metrics between random halves of these images (null in files
 *                   written before it was measured)
 */
public record DatasetInfo(String format, int images, int resolution, String sha256, HistogramFloor floor) {

    public DatasetInfo(String format, int images, int resolution, String sha256) {
        this(format, images, resolution, sha256, null);
    }

    /** Describes a prepared image set. */
    public static DatasetInfo of(DataFormat format, ImageSet images) {
        return new DatasetInfo(format.name().toLowerCase(Locale.ROOT), images.count(), images.resolution(),
                images.sha256(), HistogramFloor.of(images));
    }
}
