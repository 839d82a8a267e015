package org.melanogans.engine.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Outcome of one model's run, as written to metrics.json. */
public enum ModelStatus {
    /** Trained, sampled and scored: the metric fields are filled in. */
    @JsonProperty("completed")
    COMPLETED,
    /** Training, sampling or scoring failed: {@code error} says why and the metrics are null. */
    @JsonProperty("failed")
    FAILED
}
