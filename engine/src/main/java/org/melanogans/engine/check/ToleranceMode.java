package org.melanogans.engine.check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a baseline tolerance is measured. */
public enum ToleranceMode {
    /** The allowed change is {@code tolerance} in the metric's own unit. */
    @JsonProperty("absolute")
    ABSOLUTE,
    /** The allowed change is {@code tolerance x |baseline value|} (0.5 = 50%). */
    @JsonProperty("relative")
    RELATIVE
}
