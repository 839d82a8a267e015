package org.melanogans.engine.experiment;

/**
 * The embedded procedural dermoscopy data set.
 *
 * @param count number of images; classes in the ISIC 2017 proportions (1372:254:374)
 * @param size  side of the generated JPEGs in pixels
 * @param hairs whether some images carry hairs
 * @param seed  generator seed (independent of the training seed so data stays fixed)
 */
public record GeneratedConfig(int count, int size, boolean hairs, long seed) {
}
