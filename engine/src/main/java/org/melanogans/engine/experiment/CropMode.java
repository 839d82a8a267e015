package org.melanogans.engine.experiment;

/** How a non-square image becomes square before resizing. */
public enum CropMode {
    /** The largest centred square (the paper). */
    CENTER,
    /** No crop: the whole image is squashed to a square. */
    NONE
}
