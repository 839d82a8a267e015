package org.melanogans.engine.metrics;

/**
 * The paper's Table 1 measures between the colour histograms of real and generated images.
 * Headline values are the mean over the R, G and B channels of the per-channel values (so
 * {@code jsDistance} is the mean of the per-channel square roots, not the root of the mean).
 *
 * @param emd               mean per-channel EMD on the [0, 1] value scale (paper's EMD)
 * @param jsDivergence      mean per-channel JS divergence in nats (paper's JS)
 * @param jsDistance        mean per-channel {@code scipy.spatial.distance.jensenshannon(p, q, base=2)}
 * @param jsDivergenceBase2 mean per-channel JS divergence in bits
 * @param perChannel        the values of each channel
 */
public record HistogramMetrics(double emd, double jsDivergence, double jsDistance, double jsDivergenceBase2,
                               PerChannel perChannel) {

    /** Compares the histogram of generated images ({@code fake}) with that of the training images. */
    public static HistogramMetrics between(ColorHistogram real, ColorHistogram fake) {
        double[][] p = real.normalized();
        double[][] q = fake.normalized();
        ChannelMetrics[] channels = new ChannelMetrics[3];
        double emd = 0;
        double js = 0;
        double distance = 0;
        double bits = 0;
        for (int c = 0; c < 3; c++) {
            channels[c] = ChannelMetrics.between(p[c], q[c]);
            emd += channels[c].emd();
            js += channels[c].jsDivergence();
            distance += channels[c].jsDistance();
            bits += channels[c].jsDivergenceBase2();
        }
        return new HistogramMetrics(emd / 3, js / 3, distance / 3, bits / 3,
                new PerChannel(channels[0], channels[1], channels[2]));
    }
}
