package org.melanogans.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeanIntervalTest {
    @Test
    void oneToFive() {
        // s^2 = (4 + 1 + 0 + 1 + 4) / 4 = 2.5, standard error sqrt(2.5 / 5) = sqrt(1/2), t(4) = 2.776445.
        MeanInterval m = MeanInterval.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0));
        assertEquals(3.0, m.mean(), 1e-15);
        assertEquals(2.776445 * Math.sqrt(0.5), m.halfWidth(), 1e-12);
        assertEquals(1.9632431, m.halfWidth(), 1e-7);
        assertEquals(Math.sqrt(2.5), m.sd(), 1e-15);
        assertEquals(5, m.count());
    }

    @Test
    void twoSeeds() {
        // s = 0.04 / sqrt2, standard error s / sqrt2 = 0.02, t(1) = 12.706205.
        MeanInterval m = MeanInterval.of(List.of(0.70, 0.74));
        assertEquals(0.72, m.mean(), 1e-15);
        assertEquals(0.2541241, m.halfWidth(), 1e-12);
    }

    @Test
    void threeSeedsOfPaperSizedAccuracies() {
        // Mean 2.1632 / 3; deviations -0.0152/3, 0.0172/3, -0.0020/3, squares summing to
        // 5.3088e-4 / 9; s^2 = that / 2, standard error^2 = s^2 / 3 = 5.3088e-4 / 54; t(2) = 4.302653.
        MeanInterval m = MeanInterval.of(List.of(0.7160, 0.7268, 0.7204));
        assertEquals(2.1632 / 3, m.mean(), 1e-15);
        assertEquals(4.302653 * Math.sqrt(5.3088e-4 / 54), m.halfWidth(), 1e-12);
        assertEquals(0.0134908, m.halfWidth(), 1e-7);
    }

    @Test
    void thirtyOneSeedsUseThirtyDegreesOfFreedomAndNoMore() {
        // 0, 1, ..., 30: s^2 = 31 x 32 / 12, standard error^2 = s^2 / 31 = 8/3; t(30) = 2.042272.
        List<Double> values = new ArrayList<>();
        for (int i = 0; i <= 30; i++) {
            values.add((double) i);
        }
        MeanInterval m = MeanInterval.of(values);
        assertEquals(15.0, m.mean(), 1e-12);
        assertEquals(2.042272 * Math.sqrt(8.0 / 3), m.halfWidth(), 1e-12);
        values.add(31.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(values));
        assertEquals("a confidence interval takes at most 31 seeds, got 32", e.getMessage());
    }

    @Test
    void oneSeedHasNoIntervalEqualSeedsAZeroWideOne() {
        MeanInterval one = MeanInterval.of(List.of(0.74));
        assertEquals(0.74, one.mean());
        assertNull(one.halfWidth());
        assertNull(one.sd());
        assertEquals(1, one.count());
        assertEquals(0.0, MeanInterval.of(List.of(0.5, 0.5, 0.5)).halfWidth());
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.of(List.of()));
    }
}
