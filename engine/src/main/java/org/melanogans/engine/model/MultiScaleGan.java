package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.experiment.PyramidConfig;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * What LAPGAN and DDGAN share: a pyramid of {@code levels} scales, resolution / 2^(levels-1) up to
 * resolution; G0, a {@link DcganGenerator} from z0 to the coarsest scale; one
 * {@link DcganDiscriminator} per scale. Channels follow one rule across the pyramid: a layer working
 * at side r has base x (resolution / r) channels, as in DCGAN, so G0 and D_0 at 64 px of a 256 px
 * pyramid are DCGAN-64 networks with four times the base.
 */
abstract class MultiScaleGan implements GanModel {
    protected final Ops tf;
    protected final int zDim;
    protected final PyramidConfig pyramid;
    protected final PyramidOps ops;
    protected final Parameters gParams;
    protected final Parameters dParams;
    protected final DcganGenerator g0;
    private final List<Integer> scales = new ArrayList<>();
    private final List<DcganDiscriminator> discriminators = new ArrayList<>();

    /** Builds G0; subclasses then add their higher levels, and call {@link #addDiscriminators}. */
    MultiScaleGan(Ops tf, String prefix, int zDim, int resolution, int baseChannels, PyramidConfig pyramid,
                  long seed) {
        this.tf = tf;
        this.zDim = zDim;
        this.pyramid = pyramid;
        this.ops = new PyramidOps(tf, pyramid.upsample());
        int levels = pyramid.levels();
        if (levels < 2 || pyramid.coarsestSide(resolution) < PyramidConfig.MIN_COARSEST_SIDE
                || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException("a " + levels + "-level pyramid needs a power-of-two resolution whose"
                    + " coarsest level is >= 8 px, got " + resolution);
        }
        for (int k = 0; k < levels; k++) {
            scales.add(resolution >> (levels - 1 - k));
        }
        gParams = new Parameters(tf, prefix + "/g", seed);
        dParams = new Parameters(tf, prefix + "/d", seed + 1);
        g0 = new DcganGenerator(gParams, "l0/", zDim, scales.get(0), baseChannels << (levels - 1));
    }

    /** One discriminator per scale; called by subclasses after the generator's levels. */
    protected final void addDiscriminators(int baseChannels) {
        int levels = pyramid.levels();
        for (int k = 0; k < levels; k++) {
            discriminators.add(new DcganDiscriminator(dParams, "l" + k + "/", scales.get(k),
                    baseChannels << (levels - 1 - k)));
        }
    }

    @Override
    public List<Integer> scales() {
        return List.copyOf(scales);
    }

    @Override
    public Operand<TFloat32> discriminate(int scale, Operand<TFloat32> view) {
        return discriminators.get(scale).apply(view);
    }

    /** The first {@code zDim} noise floats of each sample: z0. */
    protected final Operand<TFloat32> z0(Operand<TFloat32> z) {
        return slice(z, 0, zDim);
    }

    /** Floats [from, from + size) of each sample's noise. */
    protected final Operand<TFloat32> slice(Operand<TFloat32> z, long from, long size) {
        long batch = z.shape().get(0);
        return tf.slice(z, tf.constant(new long[] {0, from}), tf.constant(new long[] {batch, size}));
    }

    @Override
    public Parameters generatorParameters() {
        return gParams;
    }

    @Override
    public Parameters discriminatorParameters() {
        return dParams;
    }
}
