package org.melanogans.engine.metrics;

import java.util.Arrays;
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
        int n = training.count();
        float[] refs = floats(training);
        int values = training.bytesPerImage();
        try (MatMul matMul = new MatMul(threads)) {
            Nearest real = nearest(refs, n, refs, n, values, true, matMul);
            Nearest fake = nearest(floats(generated), generated.count(), refs, n, values, false, matMul);
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
     * Each query's nearest reference: ||q||^2 + ||r||^2 - 2 q.r through one matrix product per chunk.
     *
     * @param leaveOneOut the queries are the references: each one's own row does not count
     */
    private static Nearest nearest(float[] queries, int count, float[] refs, int refCount, int values,
                                   boolean leaveOneOut, MatMul matMul) {
        double[] refNorms = norms(refs, refCount, values);
        double[] queryNorms = norms(queries, count, values);
        int[] index = new int[count];
        double[] distance = new double[count];
        for (int from = 0; from < count; from += CHUNK) {
            int rows = Math.min(CHUNK, count - from);
            float[] chunk = Arrays.copyOfRange(queries, from * values, (from + rows) * values);
            float[] dots = matMul.timesTransposed(chunk, rows, refs, refCount, values);
            for (int q = 0; q < rows; q++) {
                double best = Double.POSITIVE_INFINITY;
                int bestIndex = -1;
                for (int r = 0; r < refCount; r++) {
                    if (leaveOneOut && r == from + q) {
                        continue;
                    }
                    double d = queryNorms[from + q] + refNorms[r] - 2.0 * dots[q * refCount + r];
                    if (d < best) {
                        best = d;
                        bestIndex = r;
                    }
                }
                index[from + q] = bestIndex;
                // the product found the neighbour; its distance is taken exactly (float32 rounding of the
                // expanded square would put a copy about 0.001 away)
                double exact = 0;
                for (int j = 0; j < values; j++) {
                    double d = chunk[q * values + j] - refs[bestIndex * values + j];
                    exact += d * d;
                }
                distance[from + q] = Math.sqrt(exact / values);
            }
        }
        return new Nearest(index, distance);
    }

    private static double[] norms(float[] rows, int count, int values) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double sum = 0;
            for (int j = 0; j < values; j++) {
                double v = rows[i * values + j];
                sum += v * v;
            }
            out[i] = sum;
        }
        return out;
    }

    /** The images as floats on the 0..1 scale, one row each. */
    private static float[] floats(ImageSet images) {
        byte[] pixels = images.pixels();
        float[] out = new float[pixels.length];
        for (int j = 0; j < pixels.length; j++) {
            out[j] = (pixels[j] & 0xFF) / 255f;
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
