package org.melanogans.engine.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.melanogans.engine.data.ImageSet;

/**
 * The sliced Wasserstein distance between two sets of images, as the Progressive GAN computes it
 * (Karras et al. 2018, {@code metrics/sliced_wasserstein.py}):
 * <ul>
 * <li>each image's Laplacian pyramid from its side down to 16 px ({@link LaplacianPyramid});</li>
 * <li>per level, {@code patches} random 7x7x3 neighbourhoods per image (147 values each), drawn by
 *     a stream seeded by (seed, level, image), so two sets of the same images get the same patches;</li>
 * <li>each set's descriptors normalised per channel (its own mean and population standard
 *     deviation over all its patches and positions);</li>
 * <li>{@code repeats} x {@code directions} random unit directions; per direction both sets'
 *     projections sorted and their mean absolute difference taken; the mean over directions and
 *     repeats, times 1000, is the level's distance; {@code swd} is the mean over the levels.</li>
 * </ul>
 * Both sets must hold the same number of images of one side (a power of two, 16 or more).
 */
public final class SlicedWasserstein {
    /** Side of a neighbourhood. */
    static final int PATCH = 7;
    /** The coarsest pyramid level. */
    public static final int MIN_SIDE = 16;
    private static final int DESCRIPTOR = 3 * PATCH * PATCH;
    /** Directions projected in one matrix product: bounds the memory of the projections. */
    private static final int DIRECTION_BLOCK = 128;

    /**
     * @param patches    neighbourhoods per image and level
     * @param directions random directions per repeat
     * @param repeats    repeats of the random directions
     * @param seed       seeds the patches and the directions
     * @param threads    threads of the matrix products and sorts
     */
    public record Settings(int patches, int directions, int repeats, long seed, int threads) {
    }

    /**
     * @param swd    mean over the levels
     * @param levels per level side, finest first
     * @param images images per set
     */
    public record Result(double swd, Map<Integer, Double> levels, int images) {
    }

    private SlicedWasserstein() {
    }

    /** The pyramid's sides for images of {@code side}: side, side / 2, ... 16. */
    public static List<Integer> levels(int side) {
        List<Integer> sides = new ArrayList<>();
        for (int s = side; s >= MIN_SIDE; s /= 2) {
            sides.add(s);
        }
        return sides;
    }

    /** The distance between two sets of as many images of one side. */
    public static Result between(ImageSet a, ImageSet b, Settings settings) {
        if (a.count() != b.count() || a.resolution() != b.resolution()) {
            throw new IllegalArgumentException(a.count() + " images of " + a.resolution() + " px against "
                    + b.count() + " of " + b.resolution());
        }
        List<Integer> sides = levels(a.resolution());
        float[][] descriptorsA = descriptors(a, sides, settings);
        float[][] descriptorsB = descriptors(b, sides, settings);
        Map<Integer, Double> levels = new LinkedHashMap<>();
        try (MatMul matMul = new MatMul(settings.threads())) {
            for (int k = 0; k < sides.size(); k++) {
                levels.put(sides.get(k), 1e3 * distance(descriptorsA[k], descriptorsB[k], settings, matMul));
                descriptorsA[k] = null;
                descriptorsB[k] = null;
            }
        }
        double mean = levels.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Result(mean, levels, a.count());
    }

    /**
     * The normalised neighbourhoods of every level of every image: per level, patches x images rows
     * of 147 values (channel, row, column). Each image's pyramid is built, sampled and dropped, so
     * memory holds descriptors, not pyramids. Image i's patches at level k come from a stream seeded
     * by (seed, k, i): equal sets draw equal patches.
     */
    static float[][] descriptors(ImageSet images, List<Integer> sides, Settings settings) {
        int half = PATCH / 2;
        int side = images.resolution();
        int per = images.bytesPerImage();
        byte[] pixels = images.pixels();
        int patches = settings.patches();
        float[][] out = new float[sides.size()][images.count() * patches * DESCRIPTOR];
        IntStream.range(0, images.count()).parallel().forEach(i -> {
            float[] planar = new float[per];
            for (int p = 0; p < side * side; p++) {
                for (int c = 0; c < 3; c++) {
                    planar[c * side * side + p] = pixels[i * per + 3 * p + c] & 0xFF;
                }
            }
            float[][] pyramid = LaplacianPyramid.of(planar, side, sides.size());
            for (int k = 0; k < sides.size(); k++) {
                int s = sides.get(k);
                float[] level = pyramid[k];
                SplittableRandom random = new SplittableRandom(mix(mix(settings.seed(), k), i));
                for (int p = 0; p < patches; p++) {
                    int x = random.nextInt(half, s - half);
                    int y = random.nextInt(half, s - half);
                    int o = (i * patches + p) * DESCRIPTOR;
                    for (int c = 0; c < 3; c++) {
                        for (int dy = -half; dy <= half; dy++) {
                            System.arraycopy(level, (c * s + y + dy) * s + x - half, out[k], o, PATCH);
                            o += PATCH;
                        }
                    }
                }
            }
        });
        for (float[] level : out) {
            normalise(level, images.count() * patches);
        }
        return out;
    }

    /** A well-spread seed from two numbers (SplitMix64's finaliser). */
    private static long mix(long seed, long index) {
        long x = seed * 0x9E3779B97F4A7C15L + index;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** Per channel: subtract the set's mean and divide by its population standard deviation. */
    private static void normalise(float[] d, int n) {
        int perChannel = PATCH * PATCH;
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            for (int r = 0; r < n; r++) {
                int o = r * DESCRIPTOR + c * perChannel;
                for (int j = 0; j < perChannel; j++) {
                    double v = d[o + j];
                    sum += v;
                    squares += v * v;
                }
            }
            double count = (double) n * perChannel;
            double mean = sum / count;
            double sd = Math.sqrt(Math.max(0, squares / count - mean * mean));
            float scale = sd > 0 ? (float) (1 / sd) : 1f;   // a constant channel stays 0 rather than NaN
            for (int r = 0; r < n; r++) {
                int o = r * DESCRIPTOR + c * perChannel;
                for (int j = 0; j < perChannel; j++) {
                    d[o + j] = (float) ((d[o + j] - mean) * scale);
                }
            }
        }
    }

    /** Mean over repeats and directions of the mean absolute difference of the sorted projections. */
    static double distance(float[] a, float[] b, Settings settings, MatMul matMul) {
        int n = a.length / DESCRIPTOR;
        // both sets in one product: the same kernel projects both, so equal sets project equally
        float[] both = new float[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Random random = new Random(settings.seed());
        double total = 0;
        try (var descriptors = MatMul.tensor(both, 2 * n, DESCRIPTOR)) {
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                float[] directions = directions(random, settings.directions());
                for (int from = 0; from < settings.directions(); from += DIRECTION_BLOCK) {
                    int count = Math.min(DIRECTION_BLOCK, settings.directions() - from);
                    float[] block = new float[count * DESCRIPTOR];
                    System.arraycopy(directions, from * DESCRIPTOR, block, 0, block.length);
                    total += matMul.timesTransposed(block, count, descriptors, projected ->
                            IntStream.range(0, count).parallel().mapToDouble(d -> {
                                Buffers buffers = Buffers.of(n);
                                projected.slice(2L * d * n, 2L * n).read(buffers.row);
                                buffers.sort.sort(buffers.row, 0, n, buffers.a);
                                buffers.sort.sort(buffers.row, n, n, buffers.b);
                                double sum = 0;
                                for (int i = 0; i < n; i++) {
                                    sum += Math.abs(buffers.a[i] - buffers.b[i]);
                                }
                                return sum / n;
                            }).sum());
                }
            }
        }
        return total / ((double) settings.repeats() * settings.directions());
    }

    /** One sorting thread's arrays, kept between directions (they are a few megabytes each). */
    private static final class Buffers {
        private static final ThreadLocal<Buffers> OWN = new ThreadLocal<>();
        final RadixSort sort;
        final float[] row;
        final float[] a;
        final float[] b;

        private Buffers(int n) {
            sort = new RadixSort(n);
            row = new float[2 * n];
            a = new float[n];
            b = new float[n];
        }

        static Buffers of(int n) {
            Buffers own = OWN.get();
            if (own == null || own.a.length != n) {
                own = new Buffers(n);
                OWN.set(own);
            }
            return own;
        }
    }

    /** {@code count} random unit vectors of 147 values, one per row. */
    private static float[] directions(Random random, int count) {
        float[] out = new float[count * DESCRIPTOR];
        for (int d = 0; d < count; d++) {
            double norm = 0;
            for (int j = 0; j < DESCRIPTOR; j++) {
                double g = random.nextGaussian();
                out[d * DESCRIPTOR + j] = (float) g;
                norm += g * g;
            }
            float scale = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < DESCRIPTOR; j++) {
                out[d * DESCRIPTOR + j] *= scale;
            }
        }
        return out;
    }
}
