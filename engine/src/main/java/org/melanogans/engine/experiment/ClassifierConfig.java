package org.melanogans.engine.experiment;

import java.nio.file.Path;

/**
 * The use-case's lesion classifier.
 *
 * @param depth        ResNet depth: 50 (paper, bottleneck blocks) or 18 (CPU runs)
 * @param resolution   input side in pixels (paper: 224); the images are resized from the data's
 * @param epochs       passes over the training set (paper: 100)
 * @param batch        images per step
 * @param optimizer    Adam or SGD with momentum
 * @param learningRate the optimizer's learning rate
 * @param weights      Keras ResNet-50 notop ImageNet weights (HDF5), or null: trained from scratch
 * @param recipe       class weights, augmentation, schedule and test-time augmentation
 */
public record ClassifierConfig(int depth, int resolution, int epochs, int batch, ClassifierOptimizer optimizer,
                               double learningRate, Path weights, ClassifierRecipe recipe) {
    /** A classifier trained the {@link ClassifierRecipe#PLAIN} way. */
    public ClassifierConfig(int depth, int resolution, int epochs, int batch, ClassifierOptimizer optimizer,
                            double learningRate, Path weights) {
        this(depth, resolution, epochs, batch, optimizer, learningRate, weights, ClassifierRecipe.PLAIN);
    }

    /** The smallest input side: the ResNet halves it five times. */
    public static final int MIN_RESOLUTION = 32;
}
