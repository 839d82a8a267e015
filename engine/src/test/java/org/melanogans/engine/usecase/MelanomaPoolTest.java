package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.LesionClass;
import org.melanogans.engine.experiment.MelanomaPool;
import org.melanogans.engine.experiment.YamlNames;

class MelanomaPoolTest {
    private static final Map<String, LesionClass> LABELS = LabelFixtures.isic2017();

    private static ImbalancedTrainingSet sets(long seed) {
        StratifiedSplit split = StratifiedSplit.of(LABELS, StratifiedSplit.PAPER_TRAINING_FRACTION, seed);
        return ImbalancedTrainingSet.of(split, ImbalancedTrainingSet.PAPER_RETAINED_MELANOMA, seed);
    }

    @Test
    void paperPoolIsEveryMelanomaValidationOnesIncluded() {
        ImbalancedTrainingSet sets = sets(42);
        List<String> all = LABELS.entrySet().stream().filter(e -> e.getValue() == LesionClass.MELANOMA)
                .map(Map.Entry::getKey).sorted().toList();
        List<String> pool = sets.melanomaPool(MelanomaPool.PAPER);
        assertEquals(374, pool.size());
        assertEquals(all, pool);
        // The leak the Javadoc warns of.
        assertFalse(Collections.disjoint(pool, sets.split().validation().keySet()));
    }

    @Test
    void trainSplitAndRetainedPoolsNeverHoldAValidationImage() {
        for (long seed = 0; seed < 20; seed++) {
            ImbalancedTrainingSet sets = sets(seed);
            Set<String> validation = sets.split().validation().keySet();
            List<String> trainSplit = sets.melanomaPool(MelanomaPool.TRAIN_SPLIT);
            List<String> retained = sets.melanomaPool(MelanomaPool.RETAINED);
            assertEquals(224, trainSplit.size());
            assertEquals(46, retained.size());
            assertTrue(Collections.disjoint(trainSplit, validation), "seed " + seed);
            assertTrue(Collections.disjoint(retained, validation), "seed " + seed);
            assertTrue(trainSplit.containsAll(retained));
            for (String id : trainSplit) {
                assertEquals(LesionClass.MELANOMA, LABELS.get(id));
            }
            assertEquals(sets.images().keySet().stream().filter(id -> LABELS.get(id) == LesionClass.MELANOMA)
                    .toList(), retained);
        }
    }

    @Test
    void experimentFilesSpellThePools() {
        assertEquals(List.of("paper", "train-split", "retained"),
                List.of(MelanomaPool.values()).stream().map(YamlNames::of).toList());
    }
}
