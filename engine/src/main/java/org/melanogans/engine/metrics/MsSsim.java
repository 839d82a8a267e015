package org.melanogans.engine.metrics;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.melanogans.engine.data.ImageSet;

/**
 * Multi-scale structural similarity as the Progressive GAN and TensorFlow's {@code msssim}
 * reference compute it: a Gaussian window of 11 with sigma 1.5, shrunk to the image at coarse
 * scales (size min(11, h, w), sigma scaled by size / 11; an even size centres the window between
 * pixels), K1 0.01, K2 0.03, values 0..255, 'valid' filtering, five scales with weights [0.0448,
 * 0.2856, 0.3001, 0.2363, 0.1333] and 2x2 average downsampling between them; the SSIM and contrast
 * maps averaged over positions and channels, clipped at 0, and combined as prod_s cs_s^w_s over the
 * first four scales times ssim^w at the last. Used as a diversity measure: the mean over random
 * distinct pairs of one set (1: all alike; lower is more diverse).
 */
public final class MsSsim {
    private static final double[] WEIGHTS = {0.0448, 0.2856, 0.3001, 0.2363, 0.1333};
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final int WINDOW = 11;
    private static final double SIGMA = 1.5;

    /** The smallest side five scales of 2x2 averaging leave at least one pixel of. */
    public static final int MIN_SIDE = 1 << (WEIGHTS.length - 1);

    private MsSsim() {
    }

    /** MS-SSIM of two images (planar doubles [3][side][side] on the 0..255 scale). */
    public static double between(double[] x, double[] y, int side) {
        return between(Scales.of(x, side), Scales.of(y, side));
    }

    /**
     * The mean MS-SSIM over {@code pairs} distinct pairs of images of the set, drawn at random
     * without replacement by a seeded stream.
     *
     * @throws IllegalArgumentException when the set has fewer distinct pairs than asked
     */
    public static double meanOverPairs(ImageSet images, int pairs, long seed) {
        int n = images.count();
        long available = (long) n * (n - 1) / 2;
        if (pairs > available) {
            throw new IllegalArgumentException(n + " images give " + available + " distinct pairs, fewer than "
                    + pairs);
        }
        int[][] chosen = pairs(n, pairs, seed);
        // each pair from its two images alone: holding every image's filtered scales would take
        // gigabytes at 256 px
        return IntStream.range(0, pairs).parallel()
                .mapToDouble(p -> between(planar(images, chosen[p][0]), planar(images, chosen[p][1]),
                        images.resolution())).sum() / pairs;
    }

    /** {@code pairs} distinct unordered pairs of 0..n-1, in the order a seeded stream draws them. */
    static int[][] pairs(int n, int pairs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        int[][] out = new int[pairs][];
        long available = (long) n * (n - 1) / 2;
        if (pairs * 2L > available) {
            // dense: shuffle all pairs and take the first ones
            long[] all = new long[(int) available];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    all[k++] = (long) i * n + j;
                }
            }
            for (int i = all.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long t = all[i];
                all[i] = all[j];
                all[j] = t;
            }
            for (int p = 0; p < pairs; p++) {
                out[p] = new int[] {(int) (all[p] / n), (int) (all[p] % n)};
            }
            return out;
        }
        for (int p = 0; p < pairs; ) {
            int i = random.nextInt(n);
            int j = random.nextInt(n);
            if (i == j) {
                continue;
            }
            int lo = Math.min(i, j);
            int hi = Math.max(i, j);
            if (seen.add((long) lo * n + hi)) {
                out[p++] = new int[] {lo, hi};
            }
        }
        return out;
    }

    /** Image i of the set as planar doubles on the 0..255 scale. */
    static double[] planar(ImageSet images, int i) {
        int side = images.resolution();
        int per = images.bytesPerImage();
        double[] out = new double[per];
        for (int p = 0; p < side * side; p++) {
            for (int c = 0; c < 3; c++) {
                out[c * side * side + p] = images.pixels()[i * per + 3 * p + c] & 0xFF;
            }
        }
        return out;
    }

    private static double between(Scales a, Scales b) {
        double result = 1;
        for (int s = 0; s < WEIGHTS.length; s++) {
            double[] both = Scales.ssimAndContrast(a, b, s);
            double value = Math.max(0, s == WEIGHTS.length - 1 ? both[0] : both[1]);
            result *= Math.pow(value, WEIGHTS[s]);
        }
        return result;
    }

    /**
     * One image at every scale, with what does not depend on the other image of a pair computed
     * once: the filtered image (mu) and the filtered squares.
     */
    private record Scales(double[][] image, int[] sides, double[][] window, double[][] mean, double[][] squares) {
        static Scales of(double[] image, int side) {
            if (side < MIN_SIDE) {
                throw new IllegalArgumentException("images of " + side + " px are too small for " + WEIGHTS.length
                        + " scales (at least " + MIN_SIDE + " px)");
            }
            int count = WEIGHTS.length;
            double[][] images = new double[count][];
            int[] sides = new int[count];
            double[][] windows = new double[count][];
            double[][] means = new double[count][];
            double[][] squares = new double[count][];
            double[] current = image;
            int s = side;
            for (int k = 0; k < count; k++) {
                images[k] = current;
                sides[k] = s;
                int size = Math.min(WINDOW, s);
                windows[k] = gaussian(size, size * SIGMA / WINDOW);
                means[k] = filter(current, s, windows[k]);
                double[] sq = new double[current.length];
                for (int i = 0; i < sq.length; i++) {
                    sq[i] = current[i] * current[i];
                }
                squares[k] = filter(sq, s, windows[k]);
                if (k < count - 1) {
                    current = halve(current, s);
                    s /= 2;
                }
            }
            return new Scales(images, sides, windows, means, squares);
        }

        /** {ssim, cs} of scale s: the maps' means over positions and channels. */
        static double[] ssimAndContrast(Scales a, Scales b, int s) {
            int side = a.sides[s];
            double[] xy = new double[a.image[s].length];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = a.image[s][i] * b.image[s][i];
            }
            double[] cross = filter(xy, side, a.window[s]);
            double ssim = 0;
            double cs = 0;
            for (int i = 0; i < cross.length; i++) {
                double mu1 = a.mean[s][i];
                double mu2 = b.mean[s][i];
                double v1 = 2 * (cross[i] - mu1 * mu2) + C2;
                double v2 = (a.squares[s][i] - mu1 * mu1) + (b.squares[s][i] - mu2 * mu2) + C2;
                ssim += (2 * mu1 * mu2 + C1) * v1 / ((mu1 * mu1 + mu2 * mu2 + C1) * v2);
                cs += v1 / v2;
            }
            return new double[] {ssim / cross.length, cs / cross.length};
        }
    }

    /** One axis of the normalised window: the 2D window is its outer product with itself. */
    static double[] gaussian(int size, double sigma) {
        double offset = size % 2 == 0 ? 0.5 : 0;
        int radius = size / 2;
        double[] g = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double x = offset - radius + i;
            g[i] = Math.exp(-x * x / (2 * sigma * sigma));
            sum += g[i];
        }
        for (int i = 0; i < size; i++) {
            g[i] /= sum;
        }
        return g;
    }

    /**
     * 'Valid' separable filtering of each channel of a planar [3][s][s] image: side s - size + 1.
     * The tap loops are outside the pixel loops, so the inner loops run along rows.
     */
    static double[] filter(double[] image, int s, double[] w) {
        int size = w.length;
        int o = s - size + 1;
        double[] rows = new double[3 * s * o];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < s; y++) {
                int in = (c * s + y) * s;
                int out = (c * s + y) * o;
                for (int t = 0; t < size; t++) {
                    double wt = w[t];
                    for (int x = 0; x < o; x++) {
                        rows[out + x] += wt * image[in + x + t];
                    }
                }
            }
        }
        double[] out = new double[3 * o * o];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < o; y++) {
                int target = (c * o + y) * o;
                for (int t = 0; t < size; t++) {
                    double wt = w[t];
                    int source = (c * s + y + t) * o;
                    for (int x = 0; x < o; x++) {
                        out[target + x] += wt * rows[source + x];
                    }
                }
            }
        }
        return out;
    }

    /** 2x2 averages: side s -> s / 2. */
    static double[] halve(double[] image, int s) {
        int h = s / 2;
        double[] out = new double[3 * h * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < h; x++) {
                    int i = (c * s + 2 * y) * s + 2 * x;
                    out[(c * h + y) * h + x] = (image[i] + image[i + 1] + image[i + s] + image[i + s + 1]) * 0.25;
                }
            }
        }
        return out;
    }
}
