package org.melanogans.engine.experiment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * One model of the experiment.
 *
 * @param name         unique within the experiment; names outputs (samples/&lt;name&gt;, metrics key)
 * @param type         which architecture
 * @param zDim         noise dimension (z0 for the multi-scale models)
 * @param baseChannels channels of the highest-resolution layer (ngf = ndf); doubles per halving
 * @param pyramid      the multi-scale settings (defaults for DCGAN, which ignores them)
 * @param augment      differentiable augmentation of every discriminator input in training (empty: none)
 */
public record ModelConfig(String name, ModelType type, int zDim, int baseChannels, PyramidConfig pyramid,
                          Set<Augmentation> augment) {
    public ModelConfig {
        augment = augment.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(augment));
    }

    /** A model without augmentation. */
    public ModelConfig(String name, ModelType type, int zDim, int baseChannels, PyramidConfig pyramid) {
        this(name, type, zDim, baseChannels, pyramid, Set.of());
    }

    /** A model with the default pyramid, without augmentation. */
    public ModelConfig(String name, ModelType type, int zDim, int baseChannels) {
        this(name, type, zDim, baseChannels, Defaults.pyramid(baseChannels));
    }
}
