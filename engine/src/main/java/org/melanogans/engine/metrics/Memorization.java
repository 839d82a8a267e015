package org.melanogans.engine.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.melanogans.engine.data.ImageSet;

/**
 * Does a generator copy its training images? Each generated image's distance to its nearest
 * training image is set against the same distance for the training images themselves, each held
 * out in turn (its nearest other training image): a real image shows how close a new image of the
 * same kind comes to the training set by chance. A generated image closer than the closest 1% of
 * the held-out real images counts as a copy, so a copy of the training set scores 1 and new images
 * about 0.01. Distances are pixel-space L2 on the 0..1 scale divided by the square root of the
 * number of values (the root mean square difference per colour value), so they read the same at
 * every resolution.
 *
 * @param nnDistanceMedian     median distance, generated image to its nearest training image
 * @param nnDistanceMedianReal median distance, training image to its nearest other training image
 * @param copies               share of generated images closer than the 1st percentile of the real distances
 * @param closest              the generated images closest to a training image, nearest first (at most 8)
 */
public record Memorization(double nnDistanceMedian, double nnDistanceMedianReal, double copies, Pair[] closest) {
    /** How many of the closest pairs are kept for the picture. */
    public static final int SHOWN = 8;
    /** Generated images compared in one matrix product. */
    private static final int CHUNK = 256;
    /** Above this side, candidates are searched on block-averaged images of this side. */
    static final int SEARCH_SIDE = 64;
    /** Candidates per image taken from the coarse search to full resolution. */
    static final int CANDIDATES = 8;

    /**
     * A generated image and its nearest reference image.
     *
     * @param generated index among the generated images
     * @param reference index in the training images
     * @param distance  their distance
     */
    public record Pair(int generated, int reference, double distance) {
    }

    /** @param training the images the GAN trained on (at least 2) */
    public static Memorization of(ImageSet training, ImageSet generated, int threads) {
        Search search = Search.of(training, threads);
        try (search) {
            Nearest real = search.nearest(training, true);
            Nearest fake = search.nearest(generated, false);
            double[] realSorted = real.distance.clone();
            Arrays.sort(realSorted);
            double threshold = percentile(realSorted, 1);
            int copies = 0;
            for (double d : fake.distance) {
                copies += d < threshold ? 1 : 0;
            }
            Integer[] byDistance = new Integer[generated.count()];
            for (int i = 0; i < byDistance.length; i++) {
                byDistance[i] = i;
            }
            Arrays.sort(byDistance, (a, b) -> Double.compare(fake.distance[a], fake.distance[b]));
            Pair[] closest = new Pair[Math.min(SHOWN, byDistance.length)];
            for (int k = 0; k < closest.length; k++) {
                int g = byDistance[k];
                closest[k] = new Pair(g, fake.index[g], fake.distance[g]);
            }
            double[] fakeSorted = fake.distance.clone();
            Arrays.sort(fakeSorted);
            return new Memorization(percentile(fakeSorted, 50), percentile(realSorted, 50),
                    (double) copies / generated.count(), closest);
        }
    }

    private record Nearest(int[] index, double[] distance) {
    }

    /**
     * Nearest training images. Above {@link #SEARCH_SIDE} px the candidates are found on
     * block-averaged copies of that side (16 times fewer products at 256 px: the full-resolution
     * products took 21 s of 2000 against 2000 on 2 cores), and the nearest of the
     * {@link #CANDIDATES} candidates at full resolution is kept; at or below it the search is at full
     * resolution. Either way ||q||^2 + ||r||^2 - 2 q.r through one matrix product per chunk ranks the
     * candidates and the distance reported is taken exactly on the full-resolution bytes (the
     * float32 rounding of the expanded square would put a copy about 0.001 away).
     */
    private static final class Search implements AutoCloseable {
        private final ImageSet training;
        private final int factor;
        private final int candidates;
        private final MatMul matMul;
        private final org.tensorflow.types.TFloat32 refs;
        private final double[] refNorms;

        private Search(ImageSet training, int factor, int threads) {
            this.training = training;
            this.factor = factor;
            this.candidates = factor == 1 ? 1 : CANDIDATES;
            byte[] coarse = blockAverage(training, factor);
            int n = training.count();
            int values = coarse.length / n;
            this.refNorms = norms(coarse, n);
            this.matMul = new MatMul(threads);
            try (var bytes = MatMul.tensor(coarse, 0, n, values)) {
                this.refs = matMul.scaled(bytes);
            }
        }

        static Search of(ImageSet training, int threads) {
            int side = training.resolution();
            return new Search(training, side > SEARCH_SIDE ? side / SEARCH_SIDE : 1, threads);
        }

        /** @param leaveOneOut the queries are the training images: each one's own row does not count */
        Nearest nearest(ImageSet queries, boolean leaveOneOut) {
            byte[] coarse = blockAverage(queries, factor);
            int count = queries.count();
            int refCount = training.count();
            int values = coarse.length / count;
            double[] queryNorms = norms(coarse, count);
            int[] index = new int[count];
            double[] distance = new double[count];
            int keep = Math.min(candidates, refCount - (leaveOneOut ? 1 : 0));
            for (int from = 0; from < count; from += CHUNK) {
                int rows = Math.min(CHUNK, count - from);
                float[] dots;
                try (var chunk = MatMul.tensor(coarse, from, rows, values)) {
                    dots = matMul.timesTransposed(chunk, refs);
                }
                int chunkFrom = from;
                IntStream.range(0, rows).parallel().forEach(q -> {
                    int query = chunkFrom + q;
                    int[] best = new int[keep];
                    double[] bestD = new double[keep];
                    Arrays.fill(bestD, Double.POSITIVE_INFINITY);
                    for (int r = 0; r < refCount; r++) {
                        if (leaveOneOut && r == query) {
                            continue;
                        }
                        double d = queryNorms[query] + refNorms[r] - 2.0 * dots[q * refCount + r];
                        if (d < bestD[keep - 1]) {
                            int k = keep - 1;
                            for (; k > 0 && bestD[k - 1] > d; k--) {
                                bestD[k] = bestD[k - 1];
                                best[k] = best[k - 1];
                            }
                            bestD[k] = d;
                            best[k] = r;
                        }
                    }
                    long nearest = Long.MAX_VALUE;
                    for (int candidate : best) {
                        long d = squaredDistance(queries.pixels(), query, training.pixels(), candidate,
                                training.bytesPerImage());
                        if (d < nearest || d == nearest && candidate < index[query]) {
                            nearest = d;
                            index[query] = candidate;
                        }
                    }
                    distance[query] = Math.sqrt(nearest / (255.0 * 255.0) / training.bytesPerImage());
                });
            }
            return new Nearest(index, distance);
        }

        @Override
        public void close() {
            refs.close();
            matMul.close();
        }
    }

    private static long squaredDistance(byte[] a, int i, byte[] b, int j, int values) {
        long sum = 0;
        int ao = i * values;
        int bo = j * values;
        for (int k = 0; k < values; k++) {
            int d = (a[ao + k] & 0xFF) - (b[bo + k] & 0xFF);
            sum += d * d;
        }
        return sum;
    }

    /** Each image averaged over factor x factor blocks (rounded to bytes); the pixels themselves at 1. */
    private static byte[] blockAverage(ImageSet images, int factor) {
        if (factor == 1) {
            return images.pixels();
        }
        int side = images.resolution();
        int small = side / factor;
        byte[] in = images.pixels();
        byte[] out = new byte[images.count() * small * small * 3];
        int area = factor * factor;
        IntStream.range(0, images.count()).parallel().forEach(i -> {
            for (int y = 0; y < small; y++) {
                for (int x = 0; x < small; x++) {
                    for (int c = 0; c < 3; c++) {
                        int sum = 0;
                        for (int dy = 0; dy < factor; dy++) {
                            int row = ((i * side + y * factor + dy) * side + x * factor) * 3 + c;
                            for (int dx = 0; dx < factor; dx++) {
                                sum += in[row + dx * 3] & 0xFF;
                            }
                        }
                        out[((i * small + y) * small + x) * 3 + c] = (byte) ((sum + area / 2) / area);
                    }
                }
            }
        });
        return out;
    }

    /** Each image's squared norm on the 0..1 scale. */
    private static double[] norms(byte[] pixels, int count) {
        int values = pixels.length / count;
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            long sum = 0;
            for (int j = i * values; j < (i + 1) * values; j++) {
                int v = pixels[j] & 0xFF;
                sum += v * v;
            }
            out[i] = sum / (255.0 * 255.0);
        }
        return out;
    }

    /** numpy's default (linear) percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        double position = (sorted.length - 1) * q / 100;
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }
}
