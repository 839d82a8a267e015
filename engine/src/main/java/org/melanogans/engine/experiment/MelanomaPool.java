package org.melanogans.engine.experiment;

/**
 * Which real melanoma images a use-case GAN may train on (the GANs see melanoma only). Results
 * name the pool, because it decides whether validation images leak into the augmented classifiers.
 * Experiment files spell the pools {@code paper}, {@code train-split} and {@code retained}.
 */
public enum MelanomaPool {
    /**
     * Every labelled melanoma, training and validation split alike (374 in ISIC 2017), as the paper
     * did. Leaks: validation melanoma shape the GAN whose samples then train the classifier scored
     * on them, so validation figures come out optimistic.
     */
    PAPER,
    /** The training split's melanoma: what B_Full's classifier sees; no validation image. */
    TRAIN_SPLIT,
    /** Only the melanoma retained in B_Imb: the scarce-data setting taken literally; no validation image. */
    RETAINED
}
