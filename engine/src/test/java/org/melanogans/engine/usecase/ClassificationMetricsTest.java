package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.melanogans.engine.experiment.LesionClass.MELANOMA;
import static org.melanogans.engine.experiment.LesionClass.NEVUS;
import static org.melanogans.engine.experiment.LesionClass.SEBORRHEIC_KERATOSIS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.LesionClass;

class ClassificationMetricsTest {
    @Test
    void handWorkedSixImages() {
        // Columns: nevus, seborrheic keratosis, melanoma.
        List<LesionClass> truth = List.of(NEVUS, NEVUS, NEVUS, SEBORRHEIC_KERATOSIS, MELANOMA, MELANOMA);
        double[][] p = {
            {0.7, 0.2, 0.1},   // nevus, right
            {0.5, 0.1, 0.4},   // nevus, right
            {0.2, 0.2, 0.6},   // melanoma, wrong
            {0.3, 0.6, 0.1},   // keratosis, right
            {0.3, 0.1, 0.6},   // melanoma, right
            {0.6, 0.1, 0.3},   // nevus, wrong
        };
        ClassificationMetrics m = ClassificationMetrics.of(truth, p);
        assertEquals(List.of(List.of(2, 0, 1), List.of(0, 1, 0), List.of(1, 0, 1)), m.confusion().counts());
        assertEquals(4.0 / 6, m.accuracy(), 1e-15);
        assertEquals(Map.of(NEVUS, 2.0 / 3, SEBORRHEIC_KERATOSIS, 1.0, MELANOMA, 0.5), m.recall());
        assertEquals(List.of(NEVUS, SEBORRHEIC_KERATOSIS, MELANOMA), List.copyOf(m.recall().keySet()));
        // (2/3 + 1 + 1/2) / 3 = 13/18.
        assertEquals(13.0 / 18, m.balancedAccuracy(), 1e-15);
        // Melanoma scores 0.6, 0.3 against 0.1, 0.4, 0.6, 0.1: (3.5 + 2) / 8.
        assertEquals(0.6875, m.melanomaAuc(), 1e-15);
    }

    @Test
    void alwaysNevusScoresTheNevusRateButOneThirdBalanced() {
        // The ISIC 2017 validation split at 0.6: 549 nevus, 102 keratosis, 150 melanoma.
        List<LesionClass> truth = new ArrayList<>();
        truth.addAll(Collections.nCopies(549, NEVUS));
        truth.addAll(Collections.nCopies(102, SEBORRHEIC_KERATOSIS));
        truth.addAll(Collections.nCopies(150, MELANOMA));
        double[][] p = new double[truth.size()][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {0.8, 0.1, 0.1};
        }
        ClassificationMetrics m = ClassificationMetrics.of(truth, p);
        assertEquals(549.0 / 801, m.accuracy(), 1e-15);
        assertEquals(1.0 / 3, m.balancedAccuracy(), 1e-15);
        assertEquals(Map.of(NEVUS, 1.0, SEBORRHEIC_KERATOSIS, 0.0, MELANOMA, 0.0), m.recall());
        assertEquals(0.5, m.melanomaAuc());   // every pair tied
        assertEquals(801, m.confusion().count(NEVUS, NEVUS) + m.confusion().count(SEBORRHEIC_KERATOSIS, NEVUS)
                + m.confusion().count(MELANOMA, NEVUS));
    }

    @Test
    void aTieGoesToTheFirstClassInLesionClassOrder() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of(NEVUS, SEBORRHEIC_KERATOSIS, MELANOMA),
                new double[][] {{0.4, 0.4, 0.2}, {0.2, 0.4, 0.4}, {1 / 3.0, 1 / 3.0, 1 / 3.0}});
        assertEquals(List.of(List.of(1, 0, 0), List.of(0, 1, 0), List.of(1, 0, 0)), m.confusion().counts());
    }

    @Test
    void classesAbsentFromTheTruthHaveNoRecallAndNoMelanomaMeansNoAuc() {
        ClassificationMetrics m = ClassificationMetrics.of(List.of(NEVUS, NEVUS, SEBORRHEIC_KERATOSIS),
                new double[][] {{0.9, 0.05, 0.05}, {0.1, 0.2, 0.7}, {0.1, 0.8, 0.1}});
        assertEquals(Map.of(NEVUS, 0.5, SEBORRHEIC_KERATOSIS, 1.0), m.recall());
        assertEquals(0.75, m.balancedAccuracy(), 1e-15);
        assertNull(m.melanomaAuc());
        assertNull(ClassificationMetrics.of(List.of(MELANOMA), new double[][] {{0.1, 0.1, 0.8}}).melanomaAuc());
    }

    @Test
    void rejectsMalformedPredictions() {
        assertThrows(IllegalArgumentException.class, () -> ClassificationMetrics.of(List.of(), new double[0][]));
        assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(List.of(NEVUS, NEVUS), new double[][] {{1, 0, 0}}));
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(List.of(NEVUS), new double[][] {{1, 0}}));
        assertEquals("prediction 0 has 2 values, expected 3", length.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.of(List.of(NEVUS, MELANOMA), new double[][] {{1, 0, 0}, {0, Double.NaN, 1}}));
        assertEquals("prediction 1 holds NaN", nan.getMessage());
    }
}
