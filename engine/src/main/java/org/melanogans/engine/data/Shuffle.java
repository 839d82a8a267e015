package org.melanogans.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The engine's one seeded shuffle: the orders of GAN batches, classifier batches and the histogram
 * floor's halves. It is the JDK's {@link Collections#shuffle(List, Random)} (Fisher-Yates from the
 * end), so a list shuffled elsewhere with the same {@code Random} seed gets the same order.
 */
public final class Shuffle {
    private Shuffle() {
    }

    /** 0..n-1 in the order a {@code new Random(seed)} shuffles them. */
    public static int[] permutation(int n, long seed) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
