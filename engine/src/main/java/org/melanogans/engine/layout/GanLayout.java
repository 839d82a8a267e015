package org.melanogans.engine.layout;

import java.nio.file.Path;

/**
 * Where one trained GAN's files go, wherever it trains (a Table 1 model or a use-case seed's
 * melanoma GAN).
 *
 * @param checkpoints   {@code step-NNNNNNNN/} checkpoints
 * @param losses        D and G loss every few steps (JSON lines)
 * @param emdCurve      EMD of a few samples after every checkpoint (JSON lines)
 * @param samples       the samples as {@code sample-NNNNN.png}, nothing else, so the folder can be scored as it is
 * @param grid          the first samples in one picture
 * @param scaleGrids    multi-scale models: the same samples at every scale, {@code <side>px.png}
 * @param histogramPlot real against generated colour histograms (the paper's Figure 3)
 * @param swdPlot       the sliced Wasserstein distance per pyramid level
 * @param nearestPicture the generated images closest to a training image, each beside it
 * @param result        the GAN's figures once it finished (a Table 1 unit of several seeds; a
 *                      run's metrics.json gathers them)
 * @param extraSamplesDir what gan:sample drew later, see {@link #extraSamples}
 */
public record GanLayout(Path checkpoints, Path losses, Path emdCurve, Path samples, Path grid, Path scaleGrids,
                        Path histogramPlot, Path swdPlot, Path nearestPicture, Path result, Path extraSamplesDir) {

    /**
     * Samples gan:sample drew after the run from the GAN's checkpoint, one folder per (step, seed,
     * count): {@code samples/} (the PNGs only), {@code grid.png} and, for the pyramids,
     * {@code grids/<side>px.png}. The run's own samples are never touched.
     */
    public Path extraSamples(long step, long seed, int count) {
        return extraSamplesDir.resolve(String.format(java.util.Locale.ROOT, "step-%08d-seed-%d-count-%d", step, seed,
                count));
    }
}
