package org.melanogans.engine.experiment;

/**
 * One model of the experiment.
 *
 * @param name         unique within the experiment; names outputs (samples/&lt;name&gt;, metrics key)
 * @param type         which architecture
 * @param zDim         noise dimension
 * @param baseChannels channels of the highest-resolution layer (ngf = ndf); doubles per halving
 */
public record ModelConfig(String name, ModelType type, int zDim, int baseChannels) {
}
