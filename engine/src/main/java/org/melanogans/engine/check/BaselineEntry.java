package org.melanogans.engine.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.melanogans.engine.stats.StudentT;

/**
 * One guarded metric in a {@link Baseline}.
 *
 * @param value     the accepted value (the mean over the baseline's seeds)
 * @param tolerance allowed change: an amount (absolute) or a fraction of |value| (relative); for a
 *                  calibrated entry the smallest allowance, in the metric's unit; >= 0
 * @param mode      absolute, relative or calibrated
 * @param direction which way of moving counts as a regression
 * @param sd        the baseline's seed-to-seed standard deviation (calibrated entries; else null)
 * @param n         how many seeds the value is the mean of (null in older baselines: one)
 * @param bound     a value the figure must stay strictly better than whatever the allowance (what a
 *                  classifier answering always "nevus" scores, a gain of zero), or null
 */
public record BaselineEntry(@JsonProperty(required = true) double value,
                            @JsonProperty(required = true) double tolerance,
                            @JsonProperty(required = true) ToleranceMode mode,
                            @JsonProperty(required = true) Direction direction, Double sd, Integer n, Bound bound) {

    /**
     * A figure no acceptable result reaches.
     *
     * @param value   the bound
     * @param meaning what scores it, for the check's message ("a classifier that always answers nevus")
     */
    public record Bound(@JsonProperty(required = true) double value, @JsonProperty(required = true) String meaning) {
    }

    /** An entry with a fixed {@code rule} around {@code value}, measured on {@code n} seeds. */
    public static BaselineEntry of(double value, Tolerance rule, int n) {
        return new BaselineEntry(value, rule.tolerance(), rule.mode(), rule.direction(), null, n, null);
    }

    /** An entry whose allowance comes from the seed-to-seed spread, never below {@code floor}. */
    public static BaselineEntry calibrated(double mean, double sd, int n, double floor, Direction direction) {
        return new BaselineEntry(mean, floor, ToleranceMode.CALIBRATED, direction, sd, n, null);
    }

    /** The same rule around another measurement. */
    public BaselineEntry remeasured(double newValue, Double newSd, int newN) {
        return new BaselineEntry(newValue, tolerance, mode, direction, mode == ToleranceMode.CALIBRATED ? newSd : null,
                newN, bound);
    }

    /** This entry with a bound (null: none). */
    public BaselineEntry withBound(Bound newBound) {
        return new BaselineEntry(value, tolerance, mode, direction, sd, n, newBound);
    }

    /** Whether {@code current} is on the wrong side of the bound, or at it. */
    public boolean breaches(double current) {
        if (bound == null) {
            return false;
        }
        return switch (direction) {
            case HIGHER_IS_BETTER -> current <= bound.value();
            case LOWER_IS_BETTER -> current >= bound.value();
            case BOTH -> false;
        };
    }

    /** Seeds behind the value (older baselines did not say: one). */
    public int seeds() {
        return n == null ? 1 : n;
    }

    /**
     * The allowed change in the metric's unit, for a new mean over {@code currentN} seeds with
     * standard deviation {@code currentSd} (null for one seed). A fixed rule ignores both. A
     * calibrated one allows {@code t(0.95, df) x sqrt(sd^2 / n + s^2 / m)}, the one-sided 5% bound
     * of Welch's test, with the new run's own spread when it has one and the baseline's otherwise
     * (one new seed varies as one baseline seed does), and never less than the floor.
     */
    public double allowance(Double currentSd, int currentN) {
        if (mode != ToleranceMode.CALIBRATED) {
            return mode == ToleranceMode.RELATIVE ? tolerance * Math.abs(value) : tolerance;
        }
        int baseN = seeds();
        double base = sd * sd / baseN;
        double s = currentN >= 2 && currentSd != null ? currentSd : sd;
        double now = s * s / currentN;
        double df = currentN >= 2 && currentSd != null
                ? (base + now) * (base + now) / (base * base / (baseN - 1) + now * now / (currentN - 1))
                : baseN - 1;
        // Welch's df is fractional and may exceed the table: round down (a larger t, a stricter
        // reading of "explained by noise") and stop at the table's last row
        int degrees = Double.isFinite(df) ? (int) Math.max(1, Math.min(StudentT.MAX_DF, Math.floor(df)))
                : baseN - 1;
        return Math.max(tolerance, StudentT.oneSided95(degrees) * Math.sqrt(base + now));
    }

    /** The rule as people write it: "+50%", "-0.005", "±10%", "noise of 3 seeds (sd 0.002, floor 0.001)". */
    public String toleranceText() {
        String sign = switch (direction) {
            case LOWER_IS_BETTER -> "+";
            case HIGHER_IS_BETTER -> "-";
            case BOTH -> "±";
        };
        return switch (mode) {
            case RELATIVE -> sign + Figures.text(tolerance * 100) + "%";
            case ABSOLUTE -> sign + Figures.text(tolerance);
            case CALIBRATED -> sign + "noise of " + seeds() + " seeds (sd " + Figures.text(sd) + ", floor "
                    + Figures.text(tolerance) + ")";
        };
    }
}
