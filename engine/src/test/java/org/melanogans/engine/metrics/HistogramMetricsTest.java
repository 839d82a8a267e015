package org.melanogans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.data.ImageSet;

class HistogramMetricsTest {
    private static final double LN2 = Math.log(2);

    /** W1 via quantile functions: integrates |Finv_p(t) - Finv_q(t)| over t in [0, 1]. */
    private static double quantileW1(double[] p, double[] q) {
        TreeSet<Double> cuts = new TreeSet<>(List.of(0.0, 1.0));
        double a = 0;
        double b = 0;
        for (int i = 0; i < p.length; i++) {
            a += p[i];
            b += q[i];
            cuts.add(Math.min(1, a));
            cuts.add(Math.min(1, b));
        }
        double total = 0;
        Double prev = null;
        for (double t : cuts) {
            if (prev != null && t > prev) {
                double mid = (prev + t) / 2;
                total += Math.abs(quantile(p, mid) - quantile(q, mid)) / 255.0 * (t - prev);
            }
            prev = t;
        }
        return total;
    }

    private static int quantile(double[] p, double t) {
        double cum = 0;
        for (int i = 0; i < p.length; i++) {
            cum += p[i];
            if (cum >= t) {
                return i;
            }
        }
        return p.length - 1;
    }

    private static double[] randomHistogram(Random random) {
        double[] h = new double[256];
        double sum = 0;
        for (int i = 0; i < h.length; i++) {
            // Roughly a third of the bins empty, to exercise 0 * log 0 and flat CDF stretches.
            h[i] = random.nextInt(3) == 0 ? 0 : random.nextDouble();
            sum += h[i];
        }
        for (int i = 0; i < h.length; i++) {
            h[i] /= sum;
        }
        return h;
    }

    @Test
    void emdMatchesQuantileFunctionOracleOnRandomHistograms() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] p = randomHistogram(random);
            double[] q = randomHistogram(random);
            assertEquals(quantileW1(p, q), ChannelMetrics.emd(p, q), 1e-12);
        }
    }

    @Test
    void emdOfEqualSizedPixelSetsIsMeanOfSortedDifferences() {
        // For two equally many point masses W1 = mean |a_(i) - b_(i)| over the sorted values.
        Random random = new Random(11);
        int n = 500;
        byte[] real = new byte[n * 3];
        byte[] fake = new byte[n * 3];
        random.nextBytes(real);
        for (int i = 0; i < fake.length; i++) {
            fake[i] = (byte) Math.min(255, (random.nextInt(200)) + 40);
        }
        ColorHistogram hr = new ColorHistogram();
        hr.add(real, 0, real.length);
        ColorHistogram hf = new ColorHistogram();
        hf.add(fake, 0, fake.length);
        HistogramMetrics m = HistogramMetrics.between(hr, hf);
        double mean = 0;
        for (int c = 0; c < 3; c++) {
            int[] a = new int[n];
            int[] b = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = real[i * 3 + c] & 0xFF;
                b[i] = fake[i * 3 + c] & 0xFF;
            }
            Arrays.sort(a);
            Arrays.sort(b);
            double w = 0;
            for (int i = 0; i < n; i++) {
                w += Math.abs(a[i] - b[i]) / 255.0;
            }
            w /= n;
            assertEquals(w, m.perChannel().get(c).emd(), 1e-12, "channel " + c);
            mean += w / 3;
        }
        assertEquals(mean, m.emd(), 1e-12);
    }

    @Test
    void jsOfDisjointHistogramsIsLn2NatsOneBitDistanceOne() {
        double[] p = new double[256];
        double[] q = new double[256];
        p[3] = 0.5;
        p[100] = 0.5;
        q[200] = 1;
        ChannelMetrics m = ChannelMetrics.between(p, q);
        assertEquals(LN2, m.jsDivergence(), 1e-12);
        assertEquals(1, m.jsDivergenceBase2(), 1e-12);
        assertEquals(1, m.jsDistance(), 1e-12);
    }

    @Test
    void identicalHistogramsAreAtDistanceZero() {
        double[] p = randomHistogram(new Random(3));
        ChannelMetrics m = ChannelMetrics.between(p, p.clone());
        assertEquals(0, m.emd(), 0);
        assertEquals(0, m.jsDivergence(), 0);
        assertEquals(0, m.jsDistance(), 0);
    }

    @Test
    void jsOfPointMassAgainstHalfSplitMatchesHandDerivation() {
        // p = delta_0, q = (delta_0 + delta_255) / 2, m = (3/4, 1/4):
        // JS = 1/2 ln(4/3) + 1/4 ln(2/3) + 1/4 ln 2 = 3/2 ln 2 - 3/4 ln 3 nats.
        double[] p = new double[256];
        double[] q = new double[256];
        p[0] = 1;
        q[0] = 0.5;
        q[255] = 0.5;
        double expected = 1.5 * LN2 - 0.75 * Math.log(3);
        ChannelMetrics m = ChannelMetrics.between(p, q);
        assertEquals(expected, m.jsDivergence(), 1e-12);
        assertEquals(expected / LN2, m.jsDivergenceBase2(), 1e-12);
        assertEquals(Math.sqrt(expected / LN2), m.jsDistance(), 1e-12);
        assertEquals(0.5, m.emd(), 1e-12);
        // Symmetric in its arguments.
        assertEquals(m, ChannelMetrics.between(q, p));
    }

    @Test
    void histogramCountsEachChannelAndNormalizes() {
        ColorHistogram h = new ColorHistogram();
        byte[] rgb = {1, 2, 3, (byte) 255, 2, 0, 9, 9, 9};
        h.add(rgb, 3, 6);
        assertEquals(2, h.pixels());
        assertEquals(1, h.count(0, 255));
        assertEquals(1, h.count(1, 2));
        assertEquals(1, h.count(2, 0));
        assertEquals(0, h.count(0, 1));
        double[][] p = h.normalized();
        assertEquals(0.5, p[0][255]);
        assertEquals(0.5, p[1][2]);
        assertEquals(0.5, p[2][9]);
        for (double[] channel : p) {
            assertEquals(1.0, Arrays.stream(channel).sum(), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> h.add(rgb, 0, 4));
        assertThrows(IllegalStateException.class, () -> new ColorHistogram().normalized());
    }

    @Test
    void histogramOfImageSetPoolsEveryImage() {
        byte[] pixels = new byte[2 * 2 * 2 * 3];
        Arrays.fill(pixels, 0, 12, (byte) 10);
        Arrays.fill(pixels, 12, 24, (byte) 200);
        List<String> ids = new ArrayList<>(List.of("a", "b"));
        ImageSet set = new ImageSet(ids, null, 2, pixels, "x", List.of());
        ColorHistogram h = ColorHistogram.of(set);
        assertEquals(8, h.pixels());
        assertEquals(4, h.count(2, 10));
        assertEquals(4, h.count(2, 200));
    }
}
