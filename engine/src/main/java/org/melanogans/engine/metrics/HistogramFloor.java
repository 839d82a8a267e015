package org.melanogans.engine.metrics;

import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.data.Shuffle;

/**
 * The sampling-noise floor of the histogram metrics on one data set: EMD and JS divergence between
 * two random halves of the training images, over several seeded splits. A model's distance, or a
 * difference between two models, smaller than this cannot be told from the noise of drawing
 * images (on ISIC 2017 at 64 px: EMD about 0.005, against the paper's DCGAN value of 0.0082).
 *
 * @param splits          seeded random halvings measured (seeds 1..splits)
 * @param emdMean         mean EMD between the halves
 * @param emdMax          largest EMD between the halves
 * @param jsDivergenceMean mean JS divergence (nats) between the halves
 * @param jsDivergenceMax largest JS divergence between the halves
 */
public record HistogramFloor(int splits, double emdMean, double emdMax, double jsDivergenceMean,
                             double jsDivergenceMax) {
    /** Splits measured per data set: enough for a spread, cheap next to training. */
    public static final int SPLITS = 5;

    /** The floor of {@code images}, or null with fewer than 2 images (no halves to compare). */
    public static HistogramFloor of(ImageSet images) {
        int n = images.count();
        if (n < 2) {
            return null;
        }
        double emdSum = 0;
        double emdMax = 0;
        double jsSum = 0;
        double jsMax = 0;
        for (long seed = 1; seed <= SPLITS; seed++) {
            HistogramMetrics m = halves(images, seed);
            emdSum += m.emd();
            emdMax = Math.max(emdMax, m.emd());
            jsSum += m.jsDivergence();
            jsMax = Math.max(jsMax, m.jsDivergence());
        }
        return new HistogramFloor(SPLITS, emdSum / SPLITS, emdMax, jsSum / SPLITS, jsMax);
    }

    /** The histogram metrics between the two halves of {@code images} that a seeded shuffle makes. */
    public static HistogramMetrics halves(ImageSet images, long seed) {
        int n = images.count();
        int per = images.bytesPerImage();
        int[] order = Shuffle.permutation(n, seed);
        ColorHistogram a = new ColorHistogram();
        ColorHistogram b = new ColorHistogram();
        for (int i = 0; i < n; i++) {
            (i < n / 2 ? a : b).add(images.pixels(), order[i] * per, per);
        }
        return HistogramMetrics.between(a, b);
    }
}
