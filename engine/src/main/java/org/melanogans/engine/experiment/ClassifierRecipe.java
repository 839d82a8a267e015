package org.melanogans.engine.experiment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the use-case classifier is trained beyond its network and optimizer: the levers that decide
 * whether it learns the minority class on a small, imbalanced set. The paper states none of them;
 * {@link #PLAIN} is what the stage did before they existed.
 *
 * @param classWeights    the cross-entropy's weight per class
 * @param augment         random transforms of each training image, per epoch
 * @param schedule        the learning rate over the run
 * @param testTimeAugment predict each validation image as the mean over its geometric transforms
 *                        (the ones in {@code augment}: 4 flips, or 8 with rotations)
 */
public record ClassifierRecipe(ClassWeights classWeights, Set<ImageTransform> augment, LearningRateSchedule schedule,
                               boolean testTimeAugment) {
    /** Unweighted loss, flips only, a constant rate, plain predictions. */
    public static final ClassifierRecipe PLAIN = new ClassifierRecipe(ClassWeights.NONE,
            EnumSet.of(ImageTransform.FLIPS), LearningRateSchedule.CONSTANT, false);

    public ClassifierRecipe {
        augment = augment.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(augment));
    }

    /** The recipe in words, for metrics.json: "class weights balanced; augment flips, rotations; ...". */
    public String describe() {
        return "class weights " + YamlNames.of(classWeights) + "; augment "
                + (augment.isEmpty() ? "none" : augment.stream().map(YamlNames::of).collect(Collectors.joining(", ")))
                + "; schedule " + YamlNames.of(schedule) + "; test-time augment " + (testTimeAugment ? "on" : "off");
    }

    /** The cross-entropy's class weights. */
    public enum ClassWeights {
        /** Every image counts the same. */
        NONE,
        /** Class c weighs n / (classes x n_c), so every class contributes equally (scikit-learn's "balanced"). */
        BALANCED
    }

    /** Random per-image transforms of the classifier's training images. */
    public enum ImageTransform {
        /** Horizontal and vertical flips, each with probability 1/2. */
        FLIPS,
        /** A rotation by 0, 90, 180 or 270 degrees (with flips: all 8 symmetries of the square). */
        ROTATIONS,
        /** Small colour jitter: brightness +- 0.1, contrast and saturation x [0.9, 1.1]. */
        COLOR
    }

    /** The learning rate over the run. */
    public enum LearningRateSchedule {
        /** learning_rate throughout. */
        CONSTANT,
        /**
         * One cycle (Smith 2018, as PyTorch's OneCycleLR by default): from learning_rate / 25 up to
         * learning_rate over the first 30% of the steps, then down to learning_rate / 10^4 along a
         * half cosine.
         */
        ONE_CYCLE
    }
}
