package org.melanogans.engine.experiment;

import java.util.List;

/**
 * The use-case stage (paper Table 2): a lesion classifier on a stratified split, with the
 * training split's melanoma cut down and restored with GAN samples.
 *
 * @param classifier       the classifier and its training
 * @param trainingFraction share of each class in the training split (paper: 0.6)
 * @param retainedMelanoma training melanoma kept in B_Imb (paper: 46)
 * @param pool             which real melanoma the GANs train on (results state it)
 * @param gans             names of {@code models:} entries trained on melanoma to restore the counts
 * @param ganSteps         optimizer steps of each melanoma GAN, whatever the pool's size (rounded
 *                         up to whole epochs of the pool), so the pools compare at equal compute
 * @param seeds            the stage runs once per seed (split, cut, GANs, classifiers); mean and 95% CI
 */
public record UsecaseConfig(ClassifierConfig classifier, double trainingFraction, int retainedMelanoma,
                            MelanomaPool pool, List<String> gans, int ganSteps, List<Long> seeds) {
    public UsecaseConfig {
        gans = List.copyOf(gans);
        seeds = List.copyOf(seeds);
    }
}
