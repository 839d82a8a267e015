package org.melanogans.engine.experiment;

/**
 * How generated images are scored beyond the paper's histograms (docs/METRICS.md).
 *
 * @param swdPatches    sliced Wasserstein distance: 7x7 neighbourhoods per image and pyramid level
 * @param swdDirections random directions per repeat
 * @param swdRepeats    repeats of the random directions
 * @param msSsimPairs   distinct random pairs the MS-SSIM diversity averages over
 */
public record MetricsConfig(int swdPatches, int swdDirections, int swdRepeats, int msSsimPairs) {
}
