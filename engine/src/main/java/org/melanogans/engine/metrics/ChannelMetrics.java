package org.melanogans.engine.metrics;

/**
 * Distances between the real and generated histograms of one colour channel.
 *
 * @param emd               first Wasserstein distance (earth mover's distance) with bin centres
 *                          value/255 on [0, 1]: sum over bins of |CDF_real - CDF_fake| / 255
 * @param jsDivergence      Jensen-Shannon divergence in nats (natural log), in [0, ln 2]; the paper's JS
 * @param jsDistance        square root of the divergence in bits, in [0, 1]; equals
 *                          {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}
 * @param jsDivergenceBase2 Jensen-Shannon divergence in bits (log base 2), in [0, 1]
 */
public record ChannelMetrics(double emd, double jsDivergence, double jsDistance, double jsDivergenceBase2) {

    /** Computes all four measures between two probability vectors of equal length. */
    public static ChannelMetrics between(double[] real, double[] fake) {
        double js = jsDivergence(real, fake);
        double jsBits = js / Math.log(2);
        return new ChannelMetrics(emd(real, fake), js, Math.sqrt(jsBits), jsBits);
    }

    /**
     * 1-D first Wasserstein distance between two histograms whose bin i sits at i / (bins - 1):
     * the area between the two cumulative distributions.
     */
    public static double emd(double[] p, double[] q) {
        requireSameLength(p, q);
        double width = 1.0 / (p.length - 1);
        double cdfP = 0;
        double cdfQ = 0;
        double sum = 0;
        // The last bin's CDFs are both 1, so it adds nothing.
        for (int i = 0; i < p.length - 1; i++) {
            cdfP += p[i];
            cdfQ += q[i];
            sum += Math.abs(cdfP - cdfQ);
        }
        return sum * width;
    }

    /** Jensen-Shannon divergence in nats, with 0 * log 0 = 0; never negative. */
    public static double jsDivergence(double[] p, double[] q) {
        requireSameLength(p, q);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                sum += p[i] * Math.log(p[i] / m);
            }
            if (q[i] > 0) {
                sum += q[i] * Math.log(q[i] / m);
            }
        }
        // Rounding can leave -1e-17 for identical inputs; the divergence itself is never negative.
        return Math.max(0, sum / 2);
    }

    private static void requireSameLength(double[] p, double[] q) {
        if (p.length != q.length || p.length < 2) {
            throw new IllegalArgumentException("histograms of " + p.length + " and " + q.length + " bins");
        }
    }
}
