package org.melanogans.engine.usecase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.LesionClass;
import org.melanogans.engine.experiment.MelanomaPool;

/**
 * B_Imb: the training split with its melanoma cut down to a few, the paper's scarce-class setting.
 * The GAN-augmented training sets are B_Imb plus {@link #syntheticMelanoma()} generated melanoma,
 * which restores the training split's class counts exactly, so they differ from B_Full only in
 * where the missing melanoma come from. B_Full itself is {@code split().training()}.
 *
 * @param split            the split this set is cut from
 * @param retainedMelanoma the training-split melanoma kept, sorted; checked to be training-split
 *                         melanoma, so no validation image can get in
 */
public record ImbalancedTrainingSet(StratifiedSplit split, List<String> retainedMelanoma) {
    /** The paper keeps 46 melanoma in B_Imb. */
    public static final int PAPER_RETAINED_MELANOMA = 46;

    public ImbalancedTrainingSet {
        Objects.requireNonNull(split, "split");
        retainedMelanoma = retainedMelanoma.stream().sorted().toList();
        if (new HashSet<>(retainedMelanoma).size() != retainedMelanoma.size()) {
            throw new IllegalArgumentException("retained melanoma repeat an image: " + retainedMelanoma);
        }
        for (String id : retainedMelanoma) {
            if (split.training().get(id) != LesionClass.MELANOMA) {
                throw new IllegalArgumentException(id + " is not a melanoma of the training split");
            }
        }
    }

    /** Keeps {@code keep} of the split's training melanoma, chosen by {@code seed}. */
    public static ImbalancedTrainingSet of(StratifiedSplit split, int keep, long seed) {
        if (keep < 0) {
            throw new IllegalArgumentException("cannot keep " + keep + " melanoma");
        }
        List<String> melanoma = new ArrayList<>(split.trainingIds(LesionClass.MELANOMA));
        if (keep > melanoma.size()) {
            throw new UserException("the training split holds " + melanoma.size() + " melanoma images, fewer than the "
                    + keep + " to keep in the imbalanced training set; keep fewer or use more images");
        }
        Collections.shuffle(melanoma, new Random(seed));
        return new ImbalancedTrainingSet(split, melanoma.subList(0, keep));
    }

    /** The images of B_Imb: the training split less the melanoma not retained, ordered by id. */
    public SortedMap<String, LesionClass> images() {
        SortedMap<String, LesionClass> images = new TreeMap<>(split.training());
        images.values().removeIf(c -> c == LesionClass.MELANOMA);
        retainedMelanoma.forEach(id -> images.put(id, LesionClass.MELANOMA));
        return Collections.unmodifiableSortedMap(images);
    }

    /** The ids of the real melanoma a use-case GAN may train on under {@code pool}, sorted. */
    public List<String> melanomaPool(MelanomaPool pool) {
        return switch (pool) {
            case PAPER -> Stream.concat(split.trainingIds(LesionClass.MELANOMA).stream(),
                    split.validationIds(LesionClass.MELANOMA).stream()).sorted().toList();
            case TRAIN_SPLIT -> split.trainingIds(LesionClass.MELANOMA);
            case RETAINED -> retainedMelanoma;
        };
    }

    /** How many generated melanoma restore the training split's melanoma count. */
    public int syntheticMelanoma() {
        return split.trainingIds(LesionClass.MELANOMA).size() - retainedMelanoma.size();
    }
}
