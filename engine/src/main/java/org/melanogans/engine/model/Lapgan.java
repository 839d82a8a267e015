package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.experiment.LevelTraining;
import org.melanogans.engine.experiment.PyramidConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * LAPGAN (Denton et al., as the paper uses it): I_0 = G0(z0); for k > 0, I_k = up(I_{k-1}) + R_k
 * with R_k = G_k(up(I_{k-1}) concatenated with a noise plane z_k). D_0 sees coarse images, D_k
 * (k > 0) residuals: real R_k = I_k - up(down(I_k)) against generated R_k (residual
 * discrimination). The noise of a sample is z0 followed by one plane per higher level.
 *
 * <p>End to end (the paper), G_k's input is the generated coarser image and gradients reach every
 * level. Per level (Denton et al.'s original), G_k is conditioned on the real coarse image in
 * training, so each level is its own GAN; the levels are chained only when sampling.
 */
public final class Lapgan extends MultiScaleGan {
    private final List<ResidualBlock> levels = new ArrayList<>();
    private final int noiseSize;

    public Lapgan(Ops tf, String prefix, int zDim, int resolution, int baseChannels, PyramidConfig pyramid,
                  long seed) {
        super(tf, prefix, zDim, resolution, baseChannels, pyramid, seed);
        int size = zDim;
        for (int k = 1; k < pyramid.levels(); k++) {
            levels.add(new ResidualBlock(gParams, "l" + k + "/", 4, pyramid.refineChannels(), pyramid.depth()));
            size += scales().get(k) * scales().get(k);
        }
        noiseSize = size;
        addDiscriminators(baseChannels);
    }

    @Override
    public int noiseSize() {
        return noiseSize;
    }

    /** R_k from the upsampled coarser image and level k's noise plane. */
    private Operand<TFloat32> residual(int k, Operand<TFloat32> upsampled, Operand<TFloat32> z) {
        long batch = z.shape().get(0);
        int side = scales().get(k);
        long offset = zDim;
        for (int j = 1; j < k; j++) {
            offset += (long) scales().get(j) * scales().get(j);
        }
        Operand<TFloat32> plane = tf.reshape(slice(z, offset, (long) side * side),
                tf.constant(new long[] {batch, side, side, 1}));
        return levels.get(k - 1).branch(tf.concat(List.of(upsampled, plane), tf.constant(3)));
    }

    @Override
    public List<Operand<TFloat32>> generate(Operand<TFloat32> z) {
        return chain(z, false);
    }

    /** The chained pyramid: images per scale, or (D's view) I_0 then the residuals. */
    private List<Operand<TFloat32>> chain(Operand<TFloat32> z, boolean residuals) {
        List<Operand<TFloat32>> out = new ArrayList<>();
        Operand<TFloat32> image = g0.apply(z0(z));
        out.add(image);
        for (int k = 1; k < scales().size(); k++) {
            Operand<TFloat32> upsampled = ops.up(image);
            Operand<TFloat32> r = residual(k, upsampled, z);
            image = tf.math.add(upsampled, r);
            out.add(residuals ? r : image);
        }
        return out;
    }

    @Override
    public List<Operand<TFloat32>> realViews(Operand<TFloat32> real) {
        List<Operand<TFloat32>> pyr = ops.pyramid(real, scales().size());
        List<Operand<TFloat32>> views = new ArrayList<>();
        views.add(pyr.get(0));
        for (int k = 1; k < pyr.size(); k++) {
            // I_k - up(down(I_k)), with down(I_k) = pyr[k-1] already at hand
            views.add(tf.math.sub(pyr.get(k), ops.up(pyr.get(k - 1))));
        }
        return views;
    }

    @Override
    public List<Operand<TFloat32>> fakeViews(List<Operand<TFloat32>> images, Operand<TFloat32> z,
                                             Operand<TFloat32> real) {
        if (pyramid.training() == LevelTraining.END_TO_END) {
            // the residuals as the chain computed them; the images alone do not carry them exactly
            return chain(z, true);
        }
        List<Operand<TFloat32>> pyr = ops.pyramid(real, scales().size());
        List<Operand<TFloat32>> views = new ArrayList<>();
        views.add(g0.apply(z0(z)));
        for (int k = 1; k < pyr.size(); k++) {
            views.add(residual(k, ops.up(pyr.get(k - 1)), z));
        }
        return views;
    }
}
