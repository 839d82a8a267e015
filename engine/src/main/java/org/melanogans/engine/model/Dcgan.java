package org.melanogans.engine.model;

import java.util.List;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The paper's DCGAN: one noise source regressed directly to the full resolution (a power of two,
 * 8 or more) by a {@link DcganGenerator}, judged by one {@link DcganDiscriminator}. With 64 px and
 * base 64 the channels are 512, 256, 128, 64 as in the PyTorch peer.
 */
public final class Dcgan implements GanModel {
    private final int zDim;
    private final int resolution;
    private final Parameters gParams;
    private final Parameters dParams;
    private final DcganGenerator generator;
    private final DcganDiscriminator discriminator;

    /**
     * @param prefix names the variables ({@code <prefix>/g/...}, {@code <prefix>/d/...})
     */
    public Dcgan(Ops tf, String prefix, int zDim, int resolution, int baseChannels, long seed) {
        this.zDim = zDim;
        this.resolution = resolution;
        gParams = new Parameters(tf, prefix + "/g", seed);
        dParams = new Parameters(tf, prefix + "/d", seed + 1);
        generator = new DcganGenerator(gParams, "", zDim, resolution, baseChannels);
        discriminator = new DcganDiscriminator(dParams, "", resolution, baseChannels);
    }

    @Override
    public int noiseSize() {
        return zDim;
    }

    @Override
    public List<Integer> scales() {
        return List.of(resolution);
    }

    @Override
    public List<Operand<TFloat32>> generate(Operand<TFloat32> z) {
        return List.of(generator.apply(z));
    }

    @Override
    public List<Operand<TFloat32>> realViews(Operand<TFloat32> real) {
        return List.of(real);
    }

    @Override
    public List<Operand<TFloat32>> fakeViews(List<Operand<TFloat32>> images, Operand<TFloat32> z,
                                             Operand<TFloat32> real) {
        return images;
    }

    @Override
    public Operand<TFloat32> discriminate(int scale, Operand<TFloat32> view) {
        return discriminator.apply(view);
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
