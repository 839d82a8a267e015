package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.ClassifierOptimizer;
import org.melanogans.engine.experiment.ClassifierRecipe;
import org.melanogans.engine.experiment.ClassifierRecipe.ClassWeights;
import org.melanogans.engine.experiment.ClassifierRecipe.ImageTransform;
import org.melanogans.engine.experiment.ClassifierRecipe.LearningRateSchedule;
import org.melanogans.engine.experiment.LesionClass;

/** The classifier's training levers against values worked out by hand. */
class ClassifierRecipeTest {
    private static final double PEAK = 1e-3;

    @Test
    void oneCycleRisesToThePeakAtThirtyPercentAndEndsFourOrdersBelowTheStart() {
        // PyTorch's OneCycleLR, 100 steps: warm-up ends at step 0.3 x 100 - 1 = 29
        assertEquals(PEAK / 25, ClassifierTrainer.rate(LearningRateSchedule.ONE_CYCLE, PEAK, 0, 100), 1e-15);
        assertEquals(PEAK, ClassifierTrainer.rate(LearningRateSchedule.ONE_CYCLE, PEAK, 29, 100), 1e-15);
        assertEquals(PEAK / 25 / 1e4, ClassifierTrainer.rate(LearningRateSchedule.ONE_CYCLE, PEAK, 99, 100), 1e-15);
        // half-way up the warm-up (step 14.5 of 29) the cosine is at the mid-point
        double mid = (PEAK / 25 + PEAK) / 2;
        double below = ClassifierTrainer.rate(LearningRateSchedule.ONE_CYCLE, PEAK, 14, 100);
        double above = ClassifierTrainer.rate(LearningRateSchedule.ONE_CYCLE, PEAK, 15, 100);
        assertTrue(below < mid && mid < above, below + " < " + mid + " < " + above);
        // half-way down (step 29 + 35 = 64 of 29..99)
        assertEquals((PEAK + PEAK / 25 / 1e4) / 2, ClassifierTrainer.rate(LearningRateSchedule.ONE_CYCLE, PEAK, 64,
                100), 1e-12);
        assertEquals(PEAK, ClassifierTrainer.rate(LearningRateSchedule.CONSTANT, PEAK, 64, 100));
    }

    @Test
    void balancedWeightsMakeEveryClassCountTheSame() {
        List<LesionClass> labels = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            labels.add(LesionClass.NEVUS);
        }
        for (int i = 0; i < 3; i++) {
            labels.add(LesionClass.SEBORRHEIC_KERATOSIS);
        }
        labels.add(LesionClass.MELANOMA);
        float[] w = ClassifierTrainer.balancedWeights(labels);
        // n / (3 n_c): 10 / 18, 10 / 9, 10 / 3
        assertEquals(10f / 18, w[LesionClass.NEVUS.ordinal()], 1e-6);
        assertEquals(10f / 9, w[LesionClass.SEBORRHEIC_KERATOSIS.ordinal()], 1e-6);
        assertEquals(10f / 3, w[LesionClass.MELANOMA.ordinal()], 1e-6);
    }

    @Test
    void theWeightedLossIsTheWeightedMeanOfThePerImageLosses() {
        int batch = 4;
        int res = 32;
        float[] images = new float[batch * res * res * 3];
        Random r = new Random(3);
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) (r.nextDouble() * 2 - 1);
        }
        int[] labels = {0, 1, 2, 0};
        ClassifierRecipe weighted = new ClassifierRecipe(ClassWeights.BALANCED, Set.of(), LearningRateSchedule.CONSTANT,
                false);
        // the loss before the first step: one image at a time through fresh graphs of the same seed
        float[] single = new float[batch];
        for (int i = 0; i < batch; i++) {
            float[] w = new float[batch];
            w[i] = 1;
            try (ClassifierGraph g = new ClassifierGraph(18, 4, 3, res, batch, ClassifierOptimizer.ADAM, 1e-3f, 5, 2, 2,
                    false, false, weighted)) {
                single[i] = g.step(images, labels, w, Double.NaN, 1);
            }
        }
        float[] w = {0.5f, 2f, 1f, 0.25f};
        try (ClassifierGraph g = new ClassifierGraph(18, 4, 3, res, batch, ClassifierOptimizer.ADAM, 1e-3f, 5, 2, 2,
                false, false, weighted)) {
            double expected = (0.5 * single[0] + 2 * single[1] + single[2] + 0.25 * single[3]) / 3.75;
            assertEquals(expected, g.step(images, labels, w, Double.NaN, 1), 1e-5);
        }
        try (ClassifierGraph g = new ClassifierGraph(18, 4, 3, res, batch, ClassifierOptimizer.ADAM, 1e-3f, 5, 2, 2,
                false, false, ClassifierRecipe.PLAIN)) {
            double mean = (single[0] + single[1] + single[2] + single[3]) / 4.0;
            assertEquals(mean, g.step(images, labels, 1), 1e-5, "unweighted: the plain mean");
        }
    }

    @Test
    void quarterTurnsAndFlipsAreTheEightSymmetriesOfTheSquare() {
        int res = 3;
        float[] image = new float[res * res * 3];
        for (int i = 0; i < image.length; i++) {
            image[i] = i;
        }
        float[] turned = image.clone();
        ClassifierTrainer.rotate(turned, 0, res, 1);
        // counter-clockwise: the top-left pixel comes from the top-right one
        assertEquals(image[(0 * res + 2) * 3], turned[0]);
        assertEquals(image[(2 * res + 2) * 3], turned[(0 * res + 2) * 3]);
        float[] twice = turned.clone();
        ClassifierTrainer.rotate(twice, 0, res, 1);
        float[] half = image.clone();
        ClassifierTrainer.rotate(half, 0, res, 2);
        assertArrayEquals(twice, half, "a half turn is two quarter turns");
        ClassifierTrainer.rotate(twice, 0, res, 1);
        float[] threeQuarters = image.clone();
        ClassifierTrainer.rotate(threeQuarters, 0, res, 3);
        assertArrayEquals(twice, threeQuarters, "three quarter turns are three quarter turns");
        ClassifierTrainer.rotate(turned, 0, res, 3);
        assertArrayEquals(image, turned, "four quarter turns are none");

        ClassifierRecipe tta = new ClassifierRecipe(ClassWeights.NONE, EnumSet.of(ImageTransform.FLIPS,
                ImageTransform.ROTATIONS), LearningRateSchedule.CONSTANT, true);
        Set<List<Float>> distinct = new HashSet<>();
        for (int[] view : ClassifierTrainer.views(tta)) {
            float[] v = image.clone();
            ClassifierTrainer.flip(v, 0, res, view[0] == 1, view[1] == 1);
            ClassifierTrainer.rotate(v, 0, res, view[2]);
            List<Float> values = new ArrayList<>();
            for (float f : v) {
                values.add(f);
            }
            distinct.add(values);
        }
        assertEquals(8, distinct.size());
        assertEquals(4, ClassifierTrainer.views(new ClassifierRecipe(ClassWeights.NONE, EnumSet.of(ImageTransform.FLIPS),
                LearningRateSchedule.CONSTANT, true)).size());
        assertEquals(1, ClassifierTrainer.views(ClassifierRecipe.PLAIN).size());
    }

    @Test
    void colourJitterShiftsScalesAndClips() {
        int res = 2;
        float[] image = {0.1f, 0.2f, 0.3f, -0.1f, 0f, 0.1f, 0.5f, 0.5f, 0.5f, 0.95f, 0.95f, 0.95f};
        float[] bright = image.clone();
        ClassifierTrainer.jitter(bright, 0, res, 0.1, 1, 1);
        for (int i = 0; i < image.length; i++) {
            assertEquals(Math.min(1, image[i] + 0.1), bright[i], 1e-6, "brightness alone, clipped at 1");
        }
        float[] grey = image.clone();
        ClassifierTrainer.jitter(grey, 0, res, 0, 1, 0);
        // saturation 0: every pixel its grey, (r + g + b) / 3
        assertEquals(0.2f, grey[0], 1e-6);
        assertEquals(0.2f, grey[2], 1e-6);
        assertEquals(0f, grey[3], 1e-6);
        float[] flat = image.clone();
        ClassifierTrainer.jitter(flat, 0, res, 0, 0, 1);
        double mean = 0;
        for (float v : image) {
            mean += v / image.length;
        }
        for (float v : flat) {
            assertEquals(mean, v, 1e-6, "contrast 0: the image mean everywhere");
        }
    }

    @Test
    void thePlainRecipeDrawsTheFlipsItAlwaysDrew() {
        // before recipes: two booleans per image from SplittableRandom(seed * 1_000_003 + epoch)
        int res = 4;
        float[] images = new float[2 * res * res * 3];
        for (int i = 0; i < images.length; i++) {
            images[i] = i;
        }
        float[] recipe = images.clone();
        float[] before = images.clone();
        java.util.SplittableRandom a = new java.util.SplittableRandom(7 * 1_000_003L + 2);
        java.util.SplittableRandom b = new java.util.SplittableRandom(7 * 1_000_003L + 2);
        for (int i = 0; i < 2; i++) {
            ClassifierTrainer.transform(recipe, i, res, ClassifierRecipe.PLAIN.augment(), a);
            ClassifierTrainer.flip(before, i, res, b.nextBoolean(), b.nextBoolean());
        }
        assertArrayEquals(before, recipe);
        assertEquals(a.nextLong(), b.nextLong(), "and nothing more");
    }
}
