package org.melanogans.engine.usecase;

import java.util.Arrays;

/**
 * Area under the ROC curve as the Mann-Whitney statistic: the chance that a random positive
 * scores above a random negative, a tie counting half. It rates the score itself rather than one
 * threshold on it, so it is unmoved by how the classes are balanced.
 */
final class RocAuc {
    private RocAuc() {
    }

    /** AUC of finite scores; both groups must be non-empty. */
    static double of(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("AUC needs positives and negatives, got " + positives.length
                    + " and " + negatives.length);
        }
        double[] pos = positives.clone();
        double[] neg = negatives.clone();
        Arrays.sort(pos);
        Arrays.sort(neg);
        // Positives ascending: the negatives below (and not above) each one only grow.
        int below = 0;
        int notAbove = 0;
        double wins = 0;
        for (double p : pos) {
            while (below < neg.length && neg[below] < p) {
                below++;
            }
            while (notAbove < neg.length && neg[notAbove] <= p) {
                notAbove++;
            }
            wins += below + 0.5 * (notAbove - below);
        }
        return wins / ((double) pos.length * neg.length);
    }
}
