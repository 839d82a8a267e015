package org.melanogans.engine.experiment;

/**
 * How far one of our figures may sit from the paper's and still count as reproducing it.
 * Experiment files write {@code {ratio: 2}} (ours / paper within [1/2, 2]: for distances, whose
 * scale depends on resolution and budget) or {@code {absolute: 0.05}} (|ours - paper| at most
 * 0.05: for accuracies).
 *
 * @param mode  ratio or absolute
 * @param width the ratio's factor (> 1) or the absolute amount (>= 0)
 */
public record Band(Mode mode, double width) {
    public enum Mode { RATIO, ABSOLUTE }

    public Band {
        if (mode == Mode.RATIO ? !(width > 1) : !(width >= 0)) {
            throw new IllegalArgumentException(mode + " band of width " + width);
        }
    }

    public static Band ratio(double factor) {
        return new Band(Mode.RATIO, factor);
    }

    public static Band absolute(double amount) {
        return new Band(Mode.ABSOLUTE, amount);
    }

    /** The smallest value of ours that reproduces {@code paper}. */
    public double low(double paper) {
        return mode == Mode.RATIO ? paper / width : paper - width;
    }

    /** The largest value of ours that reproduces {@code paper}. */
    public double high(double paper) {
        return mode == Mode.RATIO ? paper * width : paper + width;
    }

    public boolean contains(double ours, double paper) {
        return ours >= low(paper) && ours <= high(paper);
    }

    /** As experiment files write it: "x2" or "±0.05". */
    public String text() {
        return mode == Mode.RATIO ? "x" + trim(width) : "±" + trim(width);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
