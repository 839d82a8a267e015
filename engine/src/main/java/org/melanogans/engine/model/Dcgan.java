package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.model.layers.BatchNorm;
import org.melanogans.engine.model.layers.Conv2D;
import org.melanogans.engine.model.layers.Conv2DTranspose;
import org.melanogans.engine.model.layers.Dense;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The paper's DCGAN, parametric in resolution (a power of two, 16 or more).
 *
 * <p>G: dense z -> 4x4xC0, batch norm, ReLU; then stride-2 4x4 transposed convolutions, each
 * doubling the side and halving the channels (batch norm + ReLU), the last one to 3 channels with
 * tanh. D mirrors it: stride-2 4x4 convolutions with LeakyReLU 0.2, batch norm on all but the
 * first, down to 4x4xC0, then dense -> 1 (no sigmoid: least squares). Channels: the layer at the
 * full resolution has {@code baseChannels}, doubling per halving, so C0 = base * 2^(n-1) with
 * n = log2(resolution / 4) up-steps (64 px, base 64: 512, 256, 128, 64 as in the PyTorch peer).
 */
public final class Dcgan implements GanModel {
    private final Ops tf;
    private final int zDim;
    private final int resolution;
    private final int[] channels;
    private final Parameters gParams;
    private final Parameters dParams;
    private final Dense gDense;
    private final BatchNorm gDenseNorm;
    private final List<Conv2DTranspose> gUp = new ArrayList<>();
    private final List<BatchNorm> gNorms = new ArrayList<>();
    private final List<Conv2D> dDown = new ArrayList<>();
    private final List<BatchNorm> dNorms = new ArrayList<>();
    private final Dense dDense;

    /**
     * @param prefix names the variables ({@code <prefix>/g/...}, {@code <prefix>/d/...})
     */
    public Dcgan(Ops tf, String prefix, int zDim, int resolution, int baseChannels, long seed) {
        if (resolution < 8 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException("DCGAN resolution must be a power of two >= 8, got " + resolution);
        }
        this.tf = tf;
        this.zDim = zDim;
        this.resolution = resolution;
        int steps = Integer.numberOfTrailingZeros(resolution / 4);
        channels = new int[steps + 1];
        for (int i = 0; i < steps; i++) {
            channels[i] = baseChannels << (steps - 1 - i);
        }
        channels[steps] = 3;
        gParams = new Parameters(tf, prefix + "/g", seed);
        dParams = new Parameters(tf, prefix + "/d", seed + 1);

        gDense = new Dense(gParams, "fc", zDim, 16 * channels[0]);
        gDenseNorm = new BatchNorm(gParams, "fc_bn", channels[0]);
        for (int i = 0; i < steps; i++) {
            boolean last = i == steps - 1;
            gUp.add(new Conv2DTranspose(gParams, "up" + i, channels[i], channels[i + 1], 4, 2, last));
            if (!last) {
                gNorms.add(new BatchNorm(gParams, "up" + i + "_bn", channels[i + 1]));
            }
        }
        for (int i = 0; i < steps; i++) {
            int in = channels[steps - i];
            int out = channels[steps - i - 1];
            dDown.add(new Conv2D(dParams, "down" + i, in, out, 4, 2, i == 0));
            if (i > 0) {
                dNorms.add(new BatchNorm(dParams, "down" + i + "_bn", out));
            }
        }
        dDense = new Dense(dParams, "fc", 16 * channels[0], 1);
    }

    @Override
    public int zDim() {
        return zDim;
    }

    @Override
    public int resolution() {
        return resolution;
    }

    @Override
    public Operand<TFloat32> generate(Operand<TFloat32> z) {
        long batch = z.shape().get(0);
        Operand<TFloat32> h = gDense.apply(z);
        h = tf.reshape(h, tf.constant(new long[] {batch, 4, 4, channels[0]}));
        h = tf.nn.relu(gDenseNorm.apply(h));
        for (int i = 0; i < gUp.size(); i++) {
            h = gUp.get(i).apply(h);
            h = i < gNorms.size() ? tf.nn.relu(gNorms.get(i).apply(h)) : tf.math.tanh(h);
        }
        return h;
    }

    /** D: images [N, res, res, 3] -> scores [N, 1]. */
    public Operand<TFloat32> discriminate(Operand<TFloat32> x) {
        long batch = x.shape().get(0);
        Operand<TFloat32> h = x;
        for (int i = 0; i < dDown.size(); i++) {
            h = dDown.get(i).apply(h);
            if (i > 0) {
                h = dNorms.get(i - 1).apply(h);
            }
            h = tf.nn.leakyRelu(h, org.tensorflow.op.nn.LeakyRelu.alpha(0.2f));
        }
        return dDense.apply(tf.reshape(h, tf.constant(new long[] {batch, 16L * channels[0]})));
    }

    @Override
    public Operand<TFloat32> discriminatorLoss(Operand<TFloat32> real, Operand<TFloat32> fake) {
        return LeastSquaresLoss.discriminator(tf, discriminate(real), discriminate(fake));
    }

    @Override
    public Operand<TFloat32> generatorLoss(Operand<TFloat32> fake) {
        return LeastSquaresLoss.generator(tf, discriminate(fake));
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
