package org.melanogans.engine.check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a baseline tolerance is measured. */
public enum ToleranceMode {
    /** The allowed change is {@code tolerance} in the metric's own unit. */
    @JsonProperty("absolute")
    ABSOLUTE,
    /** The allowed change is {@code tolerance x |baseline value|} (0.5 = 50%). */
    @JsonProperty("relative")
    RELATIVE,
    /**
     * The allowed change is what seed-to-seed noise explains: a one-sided Welch test at the 5% level
     * of the new mean against the baseline's ({@code sd}, {@code n}), never less than
     * {@code tolerance} (a floor in the metric's unit, for metrics whose spread is tiny).
     */
    @JsonProperty("calibrated")
    CALIBRATED
}
