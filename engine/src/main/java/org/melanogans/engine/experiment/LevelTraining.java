package org.melanogans.engine.experiment;

/** How LAPGAN's levels are trained. */
public enum LevelTraining {
    /** All levels chained, gradients through every level (the paper). */
    END_TO_END,
    /**
     * Each level its own GAN conditioned on the real coarse image (Denton et al.); levels are
     * chained only when sampling.
     */
    PER_LEVEL
}
