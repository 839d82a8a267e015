package org.melanogans.engine.experiment;

/**
 * How the use-case classifier is optimised; experiment files spell them {@code adam} and
 * {@code sgd-momentum}. The paper does not say which it used.
 */
public enum ClassifierOptimizer {
    /** Adam, beta1 0.9, beta2 0.999, epsilon 1e-8. */
    ADAM,
    /** Plain gradient descent with momentum 0.9 (the usual choice for fine-tuning ImageNet ResNets). */
    SGD_MOMENTUM
}
