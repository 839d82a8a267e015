package org.melanogans.engine.check;

/** Verdict on one guarded metric. */
public enum CheckStatus {
    /** Within tolerance. */
    OK,
    /** Better than the baseline by more than the tolerance: consider refreshing the baseline. */
    IMPROVED,
    /** Worse than the baseline by more than the tolerance. */
    REGRESSED,
    /** Absent from metrics.json, not a number, or its model failed: counts as a regression. */
    MISSING,
    /** A machine-dependent figure (throughput, seconds), reported but not gated unless asked for. */
    NOT_GATED;

    /** Whether this verdict fails the check. */
    public boolean fails() {
        return this == REGRESSED || this == MISSING;
    }
}
