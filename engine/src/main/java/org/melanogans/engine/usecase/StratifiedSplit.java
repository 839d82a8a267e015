package org.melanogans.engine.usecase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.melanogans.engine.experiment.LesionClass;

/**
 * The use-case classifier's training/validation split of the labelled images. Stratified, so both
 * sides keep the class proportions of the whole set (the paper's 60/40 split is stratified);
 * seeded, so a seed names one split and a rerun gets it back.
 *
 * <p>How many: of a class with {@code n} images, {@link #trainingCount round(f x n), halves up},
 * go to training, the rest to validation. Each class is rounded on its own, so every class's
 * training share is within half an image of {@code f}; the totals may therefore miss
 * {@code f x N} by up to half an image per class. ISIC 2017 at 0.6: nevus 1372, seborrheic
 * keratosis 254, melanoma 374 give 823, 152, 224 training images (1199) and 549, 102, 150
 * validation images (801).
 *
 * <p>Which: each class's ids are sorted, then shuffled by {@code Collections.shuffle} with one
 * {@code java.util.Random(seed)}, classes in {@link LesionClass} order; the first ones train. Both
 * algorithms are specified by the JDK, so a split depends only on the set of (id, class) pairs,
 * {@code f} and the seed: not on the input order, nor on the Java version.
 *
 * @param training   the images the classifier trains on (B_Full), ordered by id
 * @param validation the images it is scored on, ordered by id
 */
public record StratifiedSplit(SortedMap<String, LesionClass> training, SortedMap<String, LesionClass> validation) {
    /** The paper's share of training images. */
    public static final double PAPER_TRAINING_FRACTION = 0.6;

    public StratifiedSplit {
        training = Collections.unmodifiableSortedMap(new TreeMap<>(training));
        validation = Collections.unmodifiableSortedMap(new TreeMap<>(validation));
        for (String id : training.keySet()) {
            if (validation.containsKey(id)) {
                throw new IllegalArgumentException(id + " is both a training and a validation image");
            }
        }
    }

    /** Splits {@code labels} (id -> class) with {@code trainingFraction} of every class training. */
    public static StratifiedSplit of(Map<String, LesionClass> labels, double trainingFraction, long seed) {
        if (!(trainingFraction > 0 && trainingFraction < 1)) {
            throw new IllegalArgumentException("training fraction must lie strictly between 0 and 1, got "
                    + trainingFraction);
        }
        Random random = new Random(seed);
        SortedMap<String, LesionClass> training = new TreeMap<>();
        SortedMap<String, LesionClass> validation = new TreeMap<>();
        for (LesionClass c : LesionClass.values()) {
            List<String> ids = new ArrayList<>(idsOf(labels, c));
            Collections.shuffle(ids, random);
            int count = trainingCount(ids.size(), trainingFraction);
            ids.subList(0, count).forEach(id -> training.put(id, c));
            ids.subList(count, ids.size()).forEach(id -> validation.put(id, c));
        }
        return new StratifiedSplit(training, validation);
    }

    /**
     * Training images of a class of {@code classSize}: {@code fraction x classSize} rounded half up,
     * computed on the fraction's decimal value ({@code 0.29 x 50 = 14.5 -> 15}; in binary floating
     * point the product is 14.4999... and would round down).
     */
    public static int trainingCount(int classSize, double fraction) {
        return BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(classSize))
                .setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** The training images of class {@code c}, sorted. */
    public List<String> trainingIds(LesionClass c) {
        return idsOf(training, c);
    }

    /** The validation images of class {@code c}, sorted. */
    public List<String> validationIds(LesionClass c) {
        return idsOf(validation, c);
    }

    private static List<String> idsOf(Map<String, LesionClass> images, LesionClass c) {
        return images.entrySet().stream().filter(e -> e.getValue() == c).map(Map.Entry::getKey).sorted().toList();
    }
}
