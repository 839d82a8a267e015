package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.experiment.PyramidConfig;
import org.melanogans.engine.model.layers.Conv2DTranspose;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * DDGAN, the paper's model: I_0 = G0(z0); for k > 0, I_k = res(up(I_{k-1}), d) =
 * u + F_k(u) with u = up(I_{k-1}): the residual block's output is the image itself, with no noise
 * besides z0. A discriminator at every scale sees real against generated images (image
 * discrimination). The {@code upsampling} variant uses the pyramid's non-parametric up; the
 * {@code deconvolution} variant learns it: a stride-2 4x4 transposed convolution 3 -> 3 channels
 * with a bias, initialised N(0, 0.02) like every other filter.
 */
public final class Ddgan extends MultiScaleGan {
    private final List<ResidualBlock> levels = new ArrayList<>();
    private final List<Conv2DTranspose> learnedUp = new ArrayList<>();

    /** DDGAN whose levels upsample with the pyramid's non-parametric up. */
    public static Ddgan upsampling(Ops tf, String prefix, int zDim, int resolution, int baseChannels,
                                   PyramidConfig pyramid, long seed) {
        return new Ddgan(tf, prefix, zDim, resolution, baseChannels, pyramid, false, seed);
    }

    /** DDGAN whose levels upsample with a learned stride-2 transposed convolution. */
    public static Ddgan deconvolution(Ops tf, String prefix, int zDim, int resolution, int baseChannels,
                                      PyramidConfig pyramid, long seed) {
        return new Ddgan(tf, prefix, zDim, resolution, baseChannels, pyramid, true, seed);
    }

    private Ddgan(Ops tf, String prefix, int zDim, int resolution, int baseChannels, PyramidConfig pyramid,
                  boolean deconvolution, long seed) {
        super(tf, prefix, zDim, resolution, baseChannels, pyramid, seed);
        for (int k = 1; k < pyramid.levels(); k++) {
            if (deconvolution) {
                learnedUp.add(new Conv2DTranspose(gParams, "l" + k + "/up", 3, 3, 4, 2, true));
            }
            levels.add(new ResidualBlock(gParams, "l" + k + "/", 3, pyramid.refineChannels(), pyramid.depth()));
        }
        addDiscriminators(baseChannels);
    }

    @Override
    public int noiseSize() {
        return zDim;
    }

    @Override
    public List<Operand<TFloat32>> generate(Operand<TFloat32> z) {
        List<Operand<TFloat32>> images = new ArrayList<>();
        Operand<TFloat32> image = g0.apply(z);
        images.add(image);
        for (int k = 1; k < scales().size(); k++) {
            Operand<TFloat32> u = learnedUp.isEmpty() ? ops.up(image) : learnedUp.get(k - 1).apply(image);
            image = tf.math.add(u, levels.get(k - 1).branch(u));
            images.add(image);
        }
        return images;
    }

    @Override
    public List<Operand<TFloat32>> realViews(Operand<TFloat32> real) {
        return ops.pyramid(real, scales().size());
    }

    @Override
    public List<Operand<TFloat32>> fakeViews(List<Operand<TFloat32>> images, Operand<TFloat32> z,
                                             Operand<TFloat32> real) {
        return images;
    }
}
