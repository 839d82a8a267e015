package org.melanogans.engine.experiment;

/**
 * The transforms of differentiable augmentation (DiffAugment, Zhao et al. 2020), as its reference
 * code defines them, applied in this order whatever order the experiment lists them in.
 */
public enum Augmentation {
    /** Per image: brightness + U(-0.5, 0.5), saturation x U(0, 2), contrast x U(0.5, 1.5). */
    COLOR,
    /** Per image: a shift of up to 1/8 of the side along each axis, zeros shifted in. */
    TRANSLATION,
    /** Per image: a square of half the side set to zero, centred anywhere in the image. */
    CUTOUT
}
