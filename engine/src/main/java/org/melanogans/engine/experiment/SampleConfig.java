package org.melanogans.engine.experiment;

/**
 * Sampling after training.
 *
 * @param count number of PNG samples per model (paper: 2000)
 * @param grid  the grid PNG shows grid x grid samples
 */
public record SampleConfig(int count, int grid) {
}
