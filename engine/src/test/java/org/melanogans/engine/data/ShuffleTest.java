package org.melanogans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShuffleTest {
    /** The hand-written Fisher-Yates the GAN trainer used before the one shuffle: its batches must not move. */
    private static int[] formerTrainerPermutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Test
    void isTheFormerGanOrderSeededAndComplete() {
        for (long seed : new long[] {0, 3, 42, -7, Long.MAX_VALUE}) {
            for (int n : new int[] {0, 1, 2, 50, 1000}) {
                assertArrayEquals(formerTrainerPermutation(n, seed), Shuffle.permutation(n, seed), n + " " + seed);
            }
        }
        int[] a = Shuffle.permutation(50, 3);
        assertFalse(Arrays.equals(a, Shuffle.permutation(50, 4)));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 50; i++) {
            assertEquals(i, sorted[i]);
        }
    }
}
