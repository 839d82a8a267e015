package org.melanogans.engine.metrics;

import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.data.RgbImage;

/**
 * Per-channel (R, G, B) 256-bin colour histogram pooled over every pixel of every image added:
 * the paper's "normalized color histogram" before normalization. Counts are kept as longs so
 * thousands of megapixel images cannot overflow; {@link #normalized()} turns them into the
 * distributions the metrics compare.
 */
public final class ColorHistogram {
    /** Number of bins per channel: one per 8-bit value. */
    public static final int BINS = 256;

    private final long[][] counts = new long[3][BINS];
    private long pixels;

    /** Adds {@code length / 3} interleaved RGB pixels starting at {@code offset}. */
    public void add(byte[] rgb, int offset, int length) {
        if (length % 3 != 0) {
            throw new IllegalArgumentException("length " + length + " is not a whole number of RGB pixels");
        }
        if (offset < 0 || length < 0 || offset + length > rgb.length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + rgb.length + " bytes");
        }
        long[] r = counts[0];
        long[] g = counts[1];
        long[] b = counts[2];
        for (int i = offset, end = offset + length; i < end; i += 3) {
            r[rgb[i] & 0xFF]++;
            g[rgb[i + 1] & 0xFF]++;
            b[rgb[i + 2] & 0xFF]++;
        }
        pixels += length / 3;
    }

    /** Adds every pixel of one decoded image at its native size. */
    public void add(RgbImage image) {
        add(image.rgb(), 0, image.rgb().length);
    }

    /** Histogram of every pixel of every image in the set. */
    public static ColorHistogram of(ImageSet images) {
        ColorHistogram histogram = new ColorHistogram();
        histogram.add(images.pixels(), 0, images.pixels().length);
        return histogram;
    }

    /** Number of pixels added so far (each pixel counts once in every channel). */
    public long pixels() {
        return pixels;
    }

    /** Raw count of {@code value} in {@code channel} (0 = R, 1 = G, 2 = B). */
    public long count(int channel, int value) {
        return counts[channel][value];
    }

    /**
     * The histogram as probabilities: [3][256], each channel summing to 1.
     *
     * @throws IllegalStateException when no pixel was added (there is no distribution to compare)
     */
    public double[][] normalized() {
        if (pixels == 0) {
            throw new IllegalStateException("colour histogram holds no pixels");
        }
        double[][] p = new double[3][BINS];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < BINS; v++) {
                p[c][v] = (double) counts[c][v] / pixels;
            }
        }
        return p;
    }
}
