package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocAucTest {
    /** The definition itself: every (positive, negative) pair, a tie counting half. */
    private static double pairs(double[] positives, double[] negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / (positives.length * negatives.length);
    }

    @Test
    void handWorkedValues() {
        assertEquals(1.0, RocAuc.of(new double[] {0.9, 0.8}, new double[] {0.1, 0.2, 0.7}));
        assertEquals(0.0, RocAuc.of(new double[] {0.1}, new double[] {0.2, 0.3}));
        assertEquals(0.5, RocAuc.of(new double[] {0.4, 0.4}, new double[] {0.4, 0.4, 0.4}));
        // 0.6 beats 0.1, 0.4, 0.1 and ties 0.6: 3.5; 0.3 beats 0.1 and 0.1: 2. (3.5 + 2) / (2 x 4).
        assertEquals(0.6875, RocAuc.of(new double[] {0.6, 0.3}, new double[] {0.1, 0.4, 0.6, 0.1}));
        // 0.5 beats 0.2 and ties 0.5 twice: 1 + 0.5 + 0.5 = 2 of 3.
        assertEquals(2.0 / 3, RocAuc.of(new double[] {0.5}, new double[] {0.5, 0.2, 0.5}), 1e-15);
    }

    @Test
    void matchesThePairCountOnRandomScoresWithManyTies() {
        Random random = new Random(9);
        for (int trial = 0; trial < 200; trial++) {
            double[] positives = new double[1 + random.nextInt(30)];
            double[] negatives = new double[1 + random.nextInt(30)];
            for (int i = 0; i < positives.length; i++) {
                positives[i] = random.nextInt(8) / 8.0;
            }
            for (int i = 0; i < negatives.length; i++) {
                negatives[i] = random.nextInt(8) / 8.0;
            }
            assertEquals(pairs(positives, negatives), RocAuc.of(positives, negatives), 1e-12);
        }
    }

    @Test
    void leavesItsInputsAlone() {
        double[] positives = {0.9, 0.1, 0.5};
        double[] negatives = {0.3, 0.2};
        RocAuc.of(positives, negatives);
        assertArrayEquals(new double[] {0.9, 0.1, 0.5}, positives);
        assertArrayEquals(new double[] {0.3, 0.2}, negatives);
    }

    @Test
    void needsBothGroups() {
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> RocAuc.of(new double[] {1}, new double[0]));
    }
}
