package org.melanogans.engine.stats;

import java.util.List;

/**
 * A figure over seeds: the mean and its two-sided 95% Student-t confidence interval,
 * {@code mean +- t(0.975, n - 1) x s / sqrt(n)} with {@code s} the sample standard deviation, so a
 * difference can be told from seed-to-seed noise.
 *
 * @param mean      mean over the seeds
 * @param sd        sample standard deviation (n - 1); null for one seed (no spread to estimate)
 * @param halfWidth half the interval's width; null for one seed
 * @param count     number of seeds
 */
public record MeanInterval(double mean, Double sd, Double halfWidth, int count) {

    /** Mean and interval of one value per seed (2 to 31 values give an interval). */
    public static MeanInterval of(List<Double> values) {
        int n = values.size();
        if (n == 0) {
            throw new IllegalArgumentException("no values to average");
        }
        if (n - 1 > StudentT.MAX_DF) {
            throw new IllegalArgumentException("a confidence interval takes at most " + (StudentT.MAX_DF + 1)
                    + " seeds, got " + n);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) {
            return new MeanInterval(mean, null, null, 1);
        }
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        return new MeanInterval(mean, sd, StudentT.critical95(n - 1) * sd / Math.sqrt(n), n);
    }
}
