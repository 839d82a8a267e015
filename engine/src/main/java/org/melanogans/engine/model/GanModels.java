package org.melanogans.engine.model;

import org.melanogans.engine.experiment.ModelConfig;
import org.tensorflow.op.Ops;

/** Builds the model an experiment names. */
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
            case DDGAN_UPSAMPLING -> new Ddgan(tf, n, z, resolution, base, config.pyramid(), false, seed);
            case DDGAN_DECONVOLUTION -> new Ddgan(tf, n, z, resolution, base, config.pyramid(), true, seed);
        };
    }
}
