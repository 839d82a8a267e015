package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melanogans.engine.usecase.LabelFixtures.count;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.LesionClass;

class ImbalancedTrainingSetTest {
    private static final int PAPER = ImbalancedTrainingSet.PAPER_RETAINED_MELANOMA;
    private static final StratifiedSplit SPLIT =
            StratifiedSplit.of(LabelFixtures.isic2017(), StratifiedSplit.PAPER_TRAINING_FRACTION, 42);

    @Test
    void keepsExactly46TrainingMelanomaAndEveryOtherTrainingImage() {
        ImbalancedTrainingSet imbalanced = ImbalancedTrainingSet.of(SPLIT, PAPER, 42);
        SortedMap<String, LesionClass> images = imbalanced.images();
        assertEquals(46, count(images, LesionClass.MELANOMA));
        assertEquals(46, imbalanced.retainedMelanoma().size());
        assertTrue(SPLIT.training().entrySet().containsAll(images.entrySet()));
        for (Map.Entry<String, LesionClass> e : SPLIT.training().entrySet()) {
            if (e.getValue() != LesionClass.MELANOMA) {
                assertEquals(e.getValue(), images.get(e.getKey()), e.getKey());
            }
        }
        assertEquals(823 + 152 + 46, images.size());
    }

    @Test
    void syntheticMelanomaRestoreTheTrainingSplitsClassCountsExactly() {
        ImbalancedTrainingSet imbalanced = ImbalancedTrainingSet.of(SPLIT, PAPER, 42);
        assertEquals(224 - 46, imbalanced.syntheticMelanoma());
        SortedMap<String, LesionClass> images = imbalanced.images();
        for (LesionClass c : LesionClass.values()) {
            long restored = count(images, c) + (c == LesionClass.MELANOMA ? imbalanced.syntheticMelanoma() : 0);
            assertEquals(count(SPLIT.training(), c), restored, c.yamlName());
        }
        // Small sets too, and keeping every melanoma needs no synthetic ones.
        StratifiedSplit small = StratifiedSplit.of(LabelFixtures.labels(20, 7, 9, 1), 0.6, 1);
        for (int keep = 0; keep <= 5; keep++) {
            ImbalancedTrainingSet cut = ImbalancedTrainingSet.of(small, keep, 3);
            assertEquals(5, count(cut.images(), LesionClass.MELANOMA) + cut.syntheticMelanoma());
        }
    }

    @Test
    void retainedMelanomaAreSeeded() {
        List<String> a = ImbalancedTrainingSet.of(SPLIT, PAPER, 42).retainedMelanoma();
        assertEquals(a, ImbalancedTrainingSet.of(SPLIT, PAPER, 42).retainedMelanoma());
        assertNotEquals(a, ImbalancedTrainingSet.of(SPLIT, PAPER, 43).retainedMelanoma());
        assertEquals(a.stream().sorted().toList(), a);
    }

    @Test
    void keepingMoreMelanomaThanTheSplitHoldsIsAUserError() {
        StratifiedSplit small = StratifiedSplit.of(LabelFixtures.labels(20, 7, 9, 1), 0.6, 1);
        UserException e = assertThrows(UserException.class, () -> ImbalancedTrainingSet.of(small, 6, 1));
        assertEquals("the training split holds 5 melanoma images, fewer than the 6 to keep in the imbalanced"
                + " training set; keep fewer or use more images", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImbalancedTrainingSet.of(small, -1, 1));
    }

    @Test
    void onlyTrainingSplitMelanomaCanBeRetained() {
        String validationMelanoma = SPLIT.validationIds(LesionClass.MELANOMA).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ImbalancedTrainingSet(SPLIT, List.of(validationMelanoma)));
        assertEquals(validationMelanoma + " is not a melanoma of the training split", e.getMessage());
        String trainingNevus = SPLIT.trainingIds(LesionClass.NEVUS).get(0);
        assertThrows(IllegalArgumentException.class, () -> new ImbalancedTrainingSet(SPLIT, List.of(trainingNevus)));
        String melanoma = SPLIT.trainingIds(LesionClass.MELANOMA).get(0);
        assertThrows(IllegalArgumentException.class,
                () -> new ImbalancedTrainingSet(SPLIT, List.of(melanoma, melanoma)));
    }
}
