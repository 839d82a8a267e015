package org.melanogans.engine.checkpoint;

/**
 * The untrained generator's figures: the ceiling a trained model is judged against, measured once
 * before the first step and kept in every checkpoint so a resumed run reports the same.
 *
 * @param emd EMD of its samples against the training images
 * @param swd sliced Wasserstein distance of its samples, or null when not measured
 */
public record Untrained(double emd, Double swd) {
}
