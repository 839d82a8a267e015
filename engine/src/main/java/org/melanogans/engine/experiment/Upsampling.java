package org.melanogans.engine.experiment;

/** Non-parametric 2x upsampling between pyramid levels. */
public enum Upsampling {
    NEAREST,
    /** Half-pixel centres, edges clamped: a constant image stays constant. */
    BILINEAR
}
