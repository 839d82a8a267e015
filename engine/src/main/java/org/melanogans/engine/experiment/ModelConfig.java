package org.melanogans.engine.experiment;

/**
 * One model of the experiment.
 *
 * @param name         unique within the experiment; names outputs (samples/&lt;name&gt;, metrics key)
 * @param type         which architecture
 * @param zDim         noise dimension (z0 for the multi-scale models)
 * @param baseChannels channels of the highest-resolution layer (ngf = ndf); doubles per halving
 * @param pyramid      the multi-scale settings (defaults for DCGAN, which ignores them)
 */
public record ModelConfig(String name, ModelType type, int zDim, int baseChannels, PyramidConfig pyramid) {
    /** A model with the default pyramid. */
    public ModelConfig(String name, ModelType type, int zDim, int baseChannels) {
        this(name, type, zDim, baseChannels, Defaults.pyramid(baseChannels));
    }
}
