package org.melanogans.engine.experiment;

/** The synthesis models of the paper. */
public enum ModelType {
    /** One noise source regressed directly to the full resolution. */
    DCGAN,
    /** Laplacian pyramid: noise plane per level, residual discrimination. */
    LAPGAN,
    /** Deeply discriminated GAN, non-parametric upsampling, image discrimination. */
    DDGAN_UPSAMPLING,
    /** Deeply discriminated GAN, learned stride-2 transposed convolution as the upsampling. */
    DDGAN_DECONVOLUTION;

    /** True for the models built on a pyramid of scales. */
    public boolean multiScale() {
        return this != DCGAN;
    }
}
