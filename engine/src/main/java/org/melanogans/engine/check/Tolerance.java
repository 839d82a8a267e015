package org.melanogans.engine.check;

import java.util.Objects;

/**
 * How far a metric may move from its baseline value: the rule part of a {@link BaselineEntry},
 * turned into entries by {@link BaselineEntry#of}.
 */
public record Tolerance(double tolerance, ToleranceMode mode, Direction direction) {
    public Tolerance {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(direction, "direction");
    }

    /** Relative tolerance, e.g. {@code relative(0.5, LOWER_IS_BETTER)} allows a 50% rise. */
    public static Tolerance relative(double fraction, Direction direction) {
        return new Tolerance(fraction, ToleranceMode.RELATIVE, direction);
    }

    /** Absolute tolerance in the metric's unit. */
    public static Tolerance absolute(double amount, Direction direction) {
        return new Tolerance(amount, ToleranceMode.ABSOLUTE, direction);
    }
}
