package org.melanogans.engine.check;

/**
 * One guarded metric in a {@link Baseline}.
 *
 * @param value     the accepted value
 * @param tolerance allowed change: an amount (absolute) or a fraction of |value| (relative); >= 0
 * @param mode      absolute or relative
 * @param direction which way of moving counts as a regression
 */
public record BaselineEntry(double value, double tolerance, ToleranceMode mode, Direction direction) {

    /** An entry with {@code rule} around {@code value}. */
    public static BaselineEntry of(double value, Tolerance rule) {
        return new BaselineEntry(value, rule.tolerance(), rule.mode(), rule.direction());
    }

    /** The allowed change in the metric's unit. */
    public double allowance() {
        return mode == ToleranceMode.RELATIVE ? tolerance * Math.abs(value) : tolerance;
    }

    /** Smallest value that does not regress (-infinity when falling is never a regression). */
    public double lowerBound() {
        return direction == Direction.LOWER_IS_BETTER ? Double.NEGATIVE_INFINITY : value - allowance();
    }

    /** Largest value that does not regress (+infinity when rising is never a regression). */
    public double upperBound() {
        return direction == Direction.HIGHER_IS_BETTER ? Double.POSITIVE_INFINITY : value + allowance();
    }

    /** The tolerance as people write it: "+50%", "-0.005", "±10%". */
    public String toleranceText() {
        String sign = switch (direction) {
            case LOWER_IS_BETTER -> "+";
            case HIGHER_IS_BETTER -> "-";
            case BOTH -> "±";
        };
        return sign + (mode == ToleranceMode.RELATIVE
                ? Figures.text(tolerance * 100) + "%"
                : Figures.text(tolerance));
    }
}
