package org.melanogans.engine.model;

import org.melanogans.engine.experiment.ModelConfig;
import org.tensorflow.op.Ops;

/**
 * Builds the model an experiment names. The switch has no default: a new {@link
 * org.melanogans.engine.experiment.ModelType} does not compile until it says which class builds it.
 */
public final class GanModels {
    private GanModels() {
    }

    public static GanModel create(Ops tf, ModelConfig config, int resolution, long seed) {
        String n = config.name();
        int z = config.zDim();
        int base = config.baseChannels();
        return switch (config.type()) {
            case DCGAN -> new Dcgan(tf, n, z, resolution, base, seed);
            case LAPGAN -> new Lapgan(tf, n, z, resolution, base, config.pyramid(), seed);
            case DDGAN_UPSAMPLING -> Ddgan.upsampling(tf, n, z, resolution, base, config.pyramid(), seed);
            case DDGAN_DECONVOLUTION -> Ddgan.deconvolution(tf, n, z, resolution, base, config.pyramid(), seed);
        };
    }
}
