package org.melanogans.engine.model;

import org.melanogans.engine.experiment.ModelConfig;
import org.tensorflow.op.Ops;

/** Builds the model an experiment names. */
public final class GanModels {
    private GanModels() {
    }

    public static GanModel create(Ops tf, ModelConfig config, int resolution, long seed) {
        return switch (config.type()) {
            case DCGAN -> new Dcgan(tf, config.name(), config.zDim(), resolution, config.baseChannels(), seed);
        };
    }
}
