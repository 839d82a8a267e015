package org.melanogans.engine.usecase;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.data.Shuffle;
import org.melanogans.engine.experiment.LesionClass;

/**
 * Trains a {@link ClassifierGraph} on chosen images of an {@link ImageSet} and predicts on others.
 * Each epoch visits the training images in a seeded order (the last partial batch is dropped, as
 * for the GANs); each image is flipped horizontally and/or vertically with probability 1/2 each
 * (dermoscopy has no up or left), seeded by (seed, epoch, position).
 */
public final class ClassifierTrainer {
    private static final int PREDICT_BATCH = 64;

    private ClassifierTrainer() {
    }

    /** Told after every epoch: its 1-based number, mean loss and the training images per second so far. */
    public interface EpochListener {
        void onEpoch(int epoch, double loss, double imagesPerSecond);
    }

    /** Trains for {@code epochs}; returns the mean loss of each epoch. */
    public static double[] train(ClassifierGraph graph, ImageSet data, int[] indices, List<LesionClass> labels,
                                 int epochs, long seed) {
        return train(graph, data, indices, labels, epochs, seed, (epoch, loss, rate) -> { });
    }

    /** Trains for {@code epochs}, telling {@code listener} after each; returns the mean loss of each epoch. */
    public static double[] train(ClassifierGraph graph, ImageSet data, int[] indices, List<LesionClass> labels,
                                 int epochs, long seed, EpochListener listener) {
        long start = System.nanoTime();
        int batch = graph.batch();
        int res = data.resolution();
        int steps = indices.length / batch;
        if (steps == 0) {
            throw new IllegalArgumentException(indices.length + " training images for a batch of " + batch);
        }
        float[] images = new float[batch * res * res * 3];
        int[] batchLabels = new int[batch];
        int[] batchIndices = new int[batch];
        double[] epochLoss = new double[epochs];
        long t = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Shuffle.permutation(indices.length, seed * 31 + epoch);
            SplittableRandom flips = new SplittableRandom(seed * 1_000_003L + epoch);
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < batch; i++) {
                    int k = order[s * batch + i];
                    batchIndices[i] = indices[k];
                    batchLabels[i] = labels.get(k).ordinal();
                }
                data.copyAsFloats(batchIndices, images);
                for (int i = 0; i < batch; i++) {
                    flip(images, i, res, flips.nextBoolean(), flips.nextBoolean());
                }
                float loss = graph.step(images, batchLabels, ++t);
                if (!Float.isFinite(loss)) {
                    throw new UserException(String.format(Locale.ROOT, "the classifier's loss became %s at epoch %d,"
                            + " step %d: training diverged; lower usecase.classifier.learning_rate", loss, epoch + 1,
                            s + 1));
                }
                sum += loss;
            }
            epochLoss[epoch] = sum / steps;
            double seconds = (System.nanoTime() - start) / 1e9;
            listener.onEpoch(epoch + 1, epochLoss[epoch], (epoch + 1.0) * steps * batch / seconds);
        }
        return epochLoss;
    }

    /** Class probabilities of the given images, unflipped. */
    public static double[][] predict(ClassifierGraph graph, ImageSet data, int[] indices) {
        int res = data.resolution();
        double[][] out = new double[indices.length][];
        for (int start = 0; start < indices.length; start += PREDICT_BATCH) {
            int n = Math.min(PREDICT_BATCH, indices.length - start);
            int[] chunk = java.util.Arrays.copyOfRange(indices, start, start + n);
            float[] images = new float[n * res * res * 3];
            data.copyAsFloats(chunk, images);
            double[][] p = graph.predict(images, n);
            System.arraycopy(p, 0, out, start, n);
        }
        return out;
    }

    /** Flips image i of an NHWC batch in place. */
    static void flip(float[] images, int i, int res, boolean horizontal, boolean vertical) {
        if (!horizontal && !vertical) {
            return;
        }
        int base = i * res * res * 3;
        float[] copy = java.util.Arrays.copyOfRange(images, base, base + res * res * 3);
        for (int y = 0; y < res; y++) {
            int sy = vertical ? res - 1 - y : y;
            for (int x = 0; x < res; x++) {
                int sx = horizontal ? res - 1 - x : x;
                System.arraycopy(copy, (sy * res + sx) * 3, images, base + (y * res + x) * 3, 3);
            }
        }
    }
}
