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
    MISSING;

    /** Whether this verdict fails the check. */
    public boolean fails() {
        return this == REGRESSED || this == MISSING;
    }
}
