package org.melanogans.engine.layout;

/**
 * One (model, training seed) of a run: trained, checkpointed, sampled and scored on its own, so it
 * resumes on its own.
 *
 * @param model  the model's name
 * @param seed   its training seed (initial weights, data order, noise, samples)
 * @param label  how the log names it: the model, or {@code dcgan (seed 2)} when it has several seeds
 * @param layout where its files go
 */
public record GanUnit(String model, long seed, String label, GanLayout layout) {
}
