package org.melanogans.engine.check;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which way a metric may move before it counts as a regression. */
public enum Direction {
    /** Distances (EMD, JS): only a rise beyond the tolerance regresses. */
    @JsonProperty("lower_is_better")
    LOWER_IS_BETTER,
    /** Throughput, accuracy: only a fall beyond the tolerance regresses. */
    @JsonProperty("higher_is_better")
    HIGHER_IS_BETTER,
    /** Two-sided: any change beyond the tolerance regresses (e.g. a parameter count). */
    @JsonProperty("both")
    BOTH
}
