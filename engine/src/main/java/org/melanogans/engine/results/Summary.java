package org.melanogans.engine.results;

import java.util.List;
import org.melanogans.engine.stats.MeanInterval;

/**
 * A figure over seeds: mean +- ci95 is the two-sided 95% Student-t interval of the mean.
 *
 * @param mean   mean over the seeds
 * @param sd     sample standard deviation (n - 1; null for a single seed and in older files)
 * @param ci95   half-width of the interval; null for a single seed
 * @param low    mean - ci95 (null for a single seed)
 * @param high   mean + ci95 (null for a single seed)
 * @param values the per-seed values, in seed order
 */
public record Summary(double mean, Double sd, Double ci95, Double low, Double high, List<Double> values) {
    public Summary {
        values = List.copyOf(values);
    }

    /** The summary of one value per seed. */
    public static Summary of(List<Double> values) {
        MeanInterval m = MeanInterval.of(values);
        Double ci = m.halfWidth();
        return new Summary(m.mean(), m.sd(), ci, ci == null ? null : m.mean() - ci, ci == null ? null : m.mean() + ci,
                values);
    }
}
