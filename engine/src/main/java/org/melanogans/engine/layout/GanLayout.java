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
 */
public record GanLayout(Path checkpoints, Path losses, Path emdCurve, Path samples, Path grid, Path scaleGrids,
                        Path histogramPlot, Path swdPlot, Path nearestPicture) {
}
