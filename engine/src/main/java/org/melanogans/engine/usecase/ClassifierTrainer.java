package org.melanogans.engine.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.data.Shuffle;
import org.melanogans.engine.experiment.ClassifierRecipe;
import org.melanogans.engine.experiment.ClassifierRecipe.ClassWeights;
import org.melanogans.engine.experiment.ClassifierRecipe.ImageTransform;
import org.melanogans.engine.experiment.ClassifierRecipe.LearningRateSchedule;
import org.melanogans.engine.experiment.LesionClass;

/**
 * Trains a {@link ClassifierGraph} on chosen images of an {@link ImageSet} and predicts on others.
 * Each epoch visits the training images in a seeded order (the last partial batch is dropped, as
 * for the GANs) and transforms each image as the {@link ClassifierRecipe} says (dermoscopy has no
 * up or left: flips and quarter turns keep a lesion a lesion), seeded by (seed, epoch, position).
 * The plain recipe draws exactly what the stage drew before recipes existed.
 */
public final class ClassifierTrainer {
    private static final int PREDICT_BATCH = 64;

    private ClassifierTrainer() {
    }

    /** Told after every epoch: its 1-based number, mean loss and the training images per second so far. */
    public interface EpochListener {
        void onEpoch(int epoch, double loss, double imagesPerSecond);
    }

    /** Trains for {@code epochs} the plain way; returns the mean loss of each epoch. */
    public static double[] train(ClassifierGraph graph, ImageSet data, int[] indices, List<LesionClass> labels,
                                 int epochs, long seed) {
        return train(graph, data, indices, labels, epochs, seed, ClassifierRecipe.PLAIN, Double.NaN,
                (epoch, loss, rate) -> { });
    }

    /**
     * Trains for {@code epochs}, telling {@code listener} after each; returns the mean loss of each epoch.
     *
     * @param recipe       as the graph was built with it (weighted loss, scheduled rate)
     * @param learningRate the schedule's peak rate (ignored for a constant one: the graph holds it)
     */
    public static double[] train(ClassifierGraph graph, ImageSet data, int[] indices, List<LesionClass> labels,
                                 int epochs, long seed, ClassifierRecipe recipe, double learningRate,
                                 EpochListener listener) {
        long start = System.nanoTime();
        int batch = graph.batch();
        int res = data.resolution();
        int steps = indices.length / batch;
        if (steps == 0) {
            throw new IllegalArgumentException(indices.length + " training images for a batch of " + batch);
        }
        float[] classWeights = recipe.classWeights() == ClassWeights.BALANCED ? balancedWeights(labels) : null;
        float[] images = new float[batch * res * res * 3];
        int[] batchLabels = new int[batch];
        int[] batchIndices = new int[batch];
        float[] weights = classWeights == null ? null : new float[batch];
        double[] epochLoss = new double[epochs];
        long total = (long) epochs * steps;
        long t = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            int[] order = Shuffle.permutation(indices.length, seed * 31 + epoch);
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
            double sum = 0;
            for (int s = 0; s < steps; s++) {
                for (int i = 0; i < batch; i++) {
                    int k = order[s * batch + i];
                    batchIndices[i] = indices[k];
                    batchLabels[i] = labels.get(k).ordinal();
                    if (weights != null) {
                        weights[i] = classWeights[batchLabels[i]];
                    }
                }
                data.copyAsFloats(batchIndices, images);
                for (int i = 0; i < batch; i++) {
                    transform(images, i, res, recipe.augment(), random);
                }
                float loss = graph.step(images, batchLabels, weights, rate(recipe.schedule(), learningRate, t, total),
                        ++t);
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

    /** Class c weighs n / (classes x n_c); a class without images weighs nothing. */
    static float[] balancedWeights(List<LesionClass> labels) {
        int classes = LesionClass.values().length;
        int[] counts = new int[classes];
        labels.forEach(l -> counts[l.ordinal()]++);
        float[] w = new float[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 0f : (float) labels.size() / (classes * counts[c]);
        }
        return w;
    }

    /**
     * The learning rate before 0-based step {@code step} of {@code total}. One cycle as PyTorch's
     * OneCycleLR with its defaults: cosine from peak/25 up to the peak until step 0.3 x total - 1,
     * then cosine down to peak/25/10^4 at the last step.
     */
    static double rate(LearningRateSchedule schedule, double peak, long step, long total) {
        if (schedule == LearningRateSchedule.CONSTANT) {
            return peak;
        }
        double initial = peak / 25;
        double last = initial / 1e4;
        double warmEnd = 0.3 * total - 1;
        if (step <= warmEnd) {
            return cosine(initial, peak, warmEnd <= 0 ? 1 : step / warmEnd);
        }
        return cosine(peak, last, (step - warmEnd) / (total - 1 - warmEnd));
    }

    private static double cosine(double from, double to, double progress) {
        return to + (from - to) / 2 * (1 + Math.cos(Math.PI * progress));
    }

    /** Draws and applies image i's training transforms: flips, then a quarter turn, then colour. */
    static void transform(float[] images, int i, int res, Set<ImageTransform> augment, SplittableRandom random) {
        if (augment.contains(ImageTransform.FLIPS)) {
            flip(images, i, res, random.nextBoolean(), random.nextBoolean());
        }
        if (augment.contains(ImageTransform.ROTATIONS)) {
            rotate(images, i, res, random.nextInt(4));
        }
        if (augment.contains(ImageTransform.COLOR)) {
            jitter(images, i, res, random.nextDouble(-0.1, 0.1), random.nextDouble(0.9, 1.1),
                    random.nextDouble(0.9, 1.1));
        }
    }

    /** Class probabilities of the given images, unflipped. */
    public static double[][] predict(ClassifierGraph graph, ImageSet data, int[] indices) {
        return predict(graph, data, indices, ClassifierRecipe.PLAIN);
    }

    /**
     * Class probabilities of the given images: with test-time augmentation, the mean over each
     * image's geometric transforms (4 flips; 8 symmetries with rotations).
     */
    public static double[][] predict(ClassifierGraph graph, ImageSet data, int[] indices, ClassifierRecipe recipe) {
        List<int[]> views = views(recipe);
        int res = data.resolution();
        double[][] out = new double[indices.length][];
        for (int start = 0; start < indices.length; start += PREDICT_BATCH) {
            int n = Math.min(PREDICT_BATCH, indices.length - start);
            int[] chunk = Arrays.copyOfRange(indices, start, start + n);
            float[] original = new float[n * res * res * 3];
            data.copyAsFloats(chunk, original);
            double[][] mean = new double[n][];
            for (int[] view : views) {
                float[] images = original.clone();
                for (int i = 0; i < n; i++) {
                    flip(images, i, res, view[0] == 1, view[1] == 1);
                    rotate(images, i, res, view[2]);
                }
                double[][] p = graph.predict(images, n);
                for (int i = 0; i < n; i++) {
                    if (mean[i] == null) {
                        mean[i] = new double[p[i].length];
                    }
                    for (int c = 0; c < p[i].length; c++) {
                        mean[i][c] += p[i][c] / views.size();
                    }
                }
            }
            System.arraycopy(mean, 0, out, start, n);
        }
        return out;
    }

    /** The (horizontal flip, vertical flip, quarter turns) views a prediction averages over. */
    static List<int[]> views(ClassifierRecipe recipe) {
        List<int[]> views = new ArrayList<>();
        if (!recipe.testTimeAugment()) {
            views.add(new int[] {0, 0, 0});
        } else if (recipe.augment().contains(ImageTransform.ROTATIONS)) {
            for (int turns = 0; turns < 4; turns++) {
                views.add(new int[] {0, 0, turns});
                views.add(new int[] {1, 0, turns});
            }
        } else {
            for (int h = 0; h < 2; h++) {
                for (int v = 0; v < 2; v++) {
                    views.add(new int[] {h, v, 0});
                }
            }
        }
        return views;
    }

    /** Rotates image i of an NHWC batch in place by {@code turns} quarter turns counter-clockwise. */
    static void rotate(float[] images, int i, int res, int turns) {
        int q = Math.floorMod(turns, 4);
        if (q == 0) {
            return;
        }
        int base = i * res * res * 3;
        float[] copy = Arrays.copyOfRange(images, base, base + res * res * 3);
        int last = res - 1;
        for (int y = 0; y < res; y++) {
            for (int x = 0; x < res; x++) {
                // the pixel at (y, x) comes from: one turn (x, last - y), two (last - y, last - x), three (last - x, y)
                int sy = q == 1 ? x : q == 2 ? last - y : last - x;
                int sx = q == 1 ? last - y : q == 2 ? last - x : y;
                System.arraycopy(copy, (sy * res + sx) * 3, images, base + (y * res + x) * 3, 3);
            }
        }
    }

    /**
     * Colour jitter of image i in place (values in [-1, 1]): brightness + b, then saturation (each
     * pixel's distance from its grey) x s, then contrast (distance from the image mean) x c, clipped.
     */
    static void jitter(float[] images, int i, int res, double brightness, double contrast, double saturation) {
        int base = i * res * res * 3;
        int pixels = res * res;
        double mean = 0;
        for (int p = 0; p < pixels; p++) {
            int o = base + p * 3;
            double grey = (images[o] + images[o + 1] + images[o + 2]) / 3.0 + brightness;
            for (int c = 0; c < 3; c++) {
                double v = images[o + c] + brightness;
                images[o + c] = (float) ((v - grey) * saturation + grey);
                mean += images[o + c];
            }
        }
        mean /= pixels * 3;
        for (int k = base; k < base + pixels * 3; k++) {
            images[k] = (float) Math.max(-1, Math.min(1, (images[k] - mean) * contrast + mean));
        }
    }

    /** Flips image i of an NHWC batch in place. */
    static void flip(float[] images, int i, int res, boolean horizontal, boolean vertical) {
        if (!horizontal && !vertical) {
            return;
        }
        int base = i * res * res * 3;
        float[] copy = Arrays.copyOfRange(images, base, base + res * res * 3);
        for (int y = 0; y < res; y++) {
            int sy = vertical ? res - 1 - y : y;
            for (int x = 0; x < res; x++) {
                int sx = horizontal ? res - 1 - x : x;
                System.arraycopy(copy, (sy * res + sx) * 3, images, base + (y * res + x) * 3, 3);
            }
        }
    }
}
