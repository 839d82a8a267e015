package org.melanogans.engine.experiment;

/** How a data set is laid out on disk. */
public enum DataFormat {
    /** ISIC 2017: an images folder of ISIC_XXXXXXX.jpg plus the Part 3 ground-truth CSV. */
    ISIC2017,
    /** The embedded procedural dermoscopy generator; writes the ISIC layout, then loads it. */
    GENERATED,
    /** Any folder of images (jpg, jpeg, png, bmp), no labels. */
    FOLDER
}
