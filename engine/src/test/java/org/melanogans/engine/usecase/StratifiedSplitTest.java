package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.melanogans.engine.usecase.LabelFixtures.count;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.LesionClass;

class StratifiedSplitTest {
    private static final double PAPER = StratifiedSplit.PAPER_TRAINING_FRACTION;

    @Test
    void isic2017SplitsEveryClassSixtyForty() {
        Map<String, LesionClass> labels = LabelFixtures.isic2017();
        StratifiedSplit split = StratifiedSplit.of(labels, PAPER, 42);
        // 0.6 x 1372 = 823.2, 0.6 x 254 = 152.4, 0.6 x 374 = 224.4: each rounds down.
        assertEquals(823, count(split.training(), LesionClass.NEVUS));
        assertEquals(152, count(split.training(), LesionClass.SEBORRHEIC_KERATOSIS));
        assertEquals(224, count(split.training(), LesionClass.MELANOMA));
        assertEquals(549, count(split.validation(), LesionClass.NEVUS));
        assertEquals(102, count(split.validation(), LesionClass.SEBORRHEIC_KERATOSIS));
        assertEquals(150, count(split.validation(), LesionClass.MELANOMA));
        assertEquals(224, split.trainingIds(LesionClass.MELANOMA).size());
        assertEquals(150, split.validationIds(LesionClass.MELANOMA).size());
    }

    @Test
    void splitIsDisjointCompleteAndKeepsEveryLabel() {
        Map<String, LesionClass> labels = LabelFixtures.isic2017();
        StratifiedSplit split = StratifiedSplit.of(labels, PAPER, 42);
        Set<String> both = new HashSet<>(split.training().keySet());
        both.retainAll(split.validation().keySet());
        assertEquals(Set.of(), both);
        Map<String, LesionClass> union = new TreeMap<>(split.training());
        union.putAll(split.validation());
        assertEquals(new TreeMap<>(labels), union);
    }

    @Test
    void sameSeedGivesTheSameSplitAnotherSeedAnotherOne() {
        Map<String, LesionClass> labels = LabelFixtures.isic2017();
        StratifiedSplit a = StratifiedSplit.of(labels, PAPER, 42);
        assertEquals(a, StratifiedSplit.of(labels, PAPER, 42));
        StratifiedSplit b = StratifiedSplit.of(labels, PAPER, 43);
        for (LesionClass c : LesionClass.values()) {
            assertNotEquals(a.trainingIds(c), b.trainingIds(c), c.yamlName());
            assertEquals(a.trainingIds(c).size(), b.trainingIds(c).size());
        }
    }

    @Test
    void inputOrderDoesNotMatter() {
        Map<String, LesionClass> labels = LabelFixtures.isic2017();
        List<String> ids = new ArrayList<>(labels.keySet());
        Collections.shuffle(ids, new Random(5));
        Map<String, LesionClass> shuffled = new LinkedHashMap<>();
        ids.forEach(id -> shuffled.put(id, labels.get(id)));
        assertEquals(StratifiedSplit.of(labels, PAPER, 7), StratifiedSplit.of(shuffled, PAPER, 7));
    }

    @Test
    void trainingCountRoundsEachClassHalfUpOnTheDecimalFraction() {
        assertEquals(823, StratifiedSplit.trainingCount(1372, 0.6));
        assertEquals(152, StratifiedSplit.trainingCount(254, 0.6));
        assertEquals(224, StratifiedSplit.trainingCount(374, 0.6));
        assertEquals(3, StratifiedSplit.trainingCount(5, 0.5));   // 2.5 -> 3
        assertEquals(2, StratifiedSplit.trainingCount(3, 0.5));   // 1.5 -> 2
        assertEquals(4, StratifiedSplit.trainingCount(7, 0.6));   // 4.2 -> 4
        assertEquals(1, StratifiedSplit.trainingCount(1, 0.6));   // 0.6 -> 1
        assertEquals(0, StratifiedSplit.trainingCount(0, 0.6));
        // 0.29 x 50 is 14.5 exactly but 14.499999999999998 in doubles.
        assertEquals(14, Math.round(0.29 * 50));
        assertEquals(15, StratifiedSplit.trainingCount(50, 0.29));
    }

    @Test
    void randomLabelSetsFollowTheRuleForEveryClass() {
        Random random = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            Map<String, LesionClass> labels = LabelFixtures.labels(random.nextInt(60), random.nextInt(20),
                    random.nextInt(30), trial);
            double fraction = 0.05 + 0.9 * random.nextDouble();
            StratifiedSplit split = StratifiedSplit.of(labels, fraction, trial);
            for (LesionClass c : LesionClass.values()) {
                long n = count(labels, c);
                long training = count(split.training(), c);
                // Independent of trainingCount: the nearest integer, and within half an image.
                assertTrue(Math.abs(training - fraction * n) <= 0.5 + 1e-9, c + " " + training + " of " + n);
                assertEquals(n, training + count(split.validation(), c));
            }
        }
    }

    @Test
    void rejectsFractionsOutsideTheOpenUnitInterval() {
        Map<String, LesionClass> labels = LabelFixtures.labels(3, 2, 1, 1);
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> StratifiedSplit.of(labels, bad, 1));
            assertTrue(e.getMessage().contains("strictly between 0 and 1"), e.getMessage());
        }
    }

    @Test
    void anImageCannotBeOnBothSides() {
        Map<String, LesionClass> one = Map.of("ISIC_1", LesionClass.NEVUS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StratifiedSplit(new TreeMap<>(one), new TreeMap<>(one)));
        assertEquals("ISIC_1 is both a training and a validation image", e.getMessage());
    }
}
