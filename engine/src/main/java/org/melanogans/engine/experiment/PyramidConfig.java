package org.melanogans.engine.experiment;

/**
 * The pyramid of a multi-scale model (LAPGAN, DDGAN); ignored by DCGAN.
 *
 * @param levels         number of scales; the coarsest is resolution / 2^(levels-1)
 * @param depth          convolutions in each higher level's residual block
 * @param refineChannels channels inside the residual blocks
 * @param upsample       non-parametric up between levels (LAPGAN, DDGAN upsampling)
 * @param training       LAPGAN only: end to end (paper) or per level (Denton et al.)
 */
public record PyramidConfig(int levels, int depth, int refineChannels, Upsampling upsample, LevelTraining training) {
    /** The smallest side G0 and D_0 (DCGAN networks down to 4x4) can work at. */
    public static final int MIN_COARSEST_SIDE = 8;

    /** Side of the coarsest level for a given final resolution. */
    public int coarsestSide(int resolution) {
        return resolution >> (levels - 1);
    }
}
