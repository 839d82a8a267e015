package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.melanogans.engine.experiment.LesionClass.MELANOMA;
import static org.melanogans.engine.experiment.LesionClass.NEVUS;
import static org.melanogans.engine.experiment.LesionClass.SEBORRHEIC_KERATOSIS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.LesionClass;

class ConfusionMatrixTest {
    @Test
    void rowsAreTrueClassesColumnsPredictedOnes() {
        List<LesionClass> truth = List.of(NEVUS, NEVUS, NEVUS, SEBORRHEIC_KERATOSIS, MELANOMA, MELANOMA, MELANOMA);
        List<LesionClass> predicted = List.of(NEVUS, MELANOMA, NEVUS, NEVUS, MELANOMA, NEVUS, SEBORRHEIC_KERATOSIS);
        ConfusionMatrix m = ConfusionMatrix.of(truth, predicted);
        // Tallied by hand: nevus 2 right, 1 called melanoma; the keratosis called nevus; melanoma
        // 1 right, 1 called nevus, 1 called keratosis.
        assertEquals(List.of(List.of(2, 0, 1), List.of(1, 0, 0), List.of(1, 1, 1)), m.counts());
        assertEquals(1, m.count(MELANOMA, SEBORRHEIC_KERATOSIS));
        assertEquals(0, m.count(NEVUS, SEBORRHEIC_KERATOSIS));
        assertEquals(3, m.actual(NEVUS));
        assertEquals(1, m.actual(SEBORRHEIC_KERATOSIS));
        assertEquals(3, m.actual(MELANOMA));
        assertEquals(3, m.correct());
        assertEquals(7, m.total());
    }

    @Test
    void countsAreACopyAndCannotChange() {
        List<Integer> row = new ArrayList<>(List.of(1, 2, 3));
        ConfusionMatrix m = new ConfusionMatrix(List.of(row, List.of(0, 0, 0), List.of(0, 0, 0)));
        row.set(0, 9);
        assertEquals(1, m.count(NEVUS, NEVUS));
        assertThrows(UnsupportedOperationException.class, () -> m.counts().get(0).set(0, 5));
    }

    @Test
    void rejectsWrongShapesAndLengths() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(List.of(List.of(1, 2, 3))));
        assertThrows(IllegalArgumentException.class,
                () -> new ConfusionMatrix(List.of(List.of(1, 2), List.of(1, 2), List.of(1, 2))));
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(List.of(NEVUS), List.of()));
    }
}
