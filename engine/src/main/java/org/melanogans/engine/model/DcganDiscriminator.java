package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.model.layers.BatchNorm;
import org.melanogans.engine.model.layers.Conv2D;
import org.melanogans.engine.model.layers.Dense;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * DCGAN discriminator: stride-2 4x4 convolutions with LeakyReLU 0.2, batch norm on all but the
 * first, down to 4x4, then dense -> 1 (no sigmoid: least squares). The first layer has
 * {@code topChannels}, doubling per halving.
 */
public final class DcganDiscriminator {
    private final Ops tf;
    private final long flat;
    private final List<Conv2D> down = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();
    private final Dense dense;

    /** @param name prefix of the variable names within {@code params} ("" or "l1/") */
    public DcganDiscriminator(Parameters params, String name, int resolution, int topChannels) {
        if (resolution < 8 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException("DCGAN resolution must be a power of two >= 8, got " + resolution);
        }
        this.tf = params.tf();
        int[] channels = DcganGenerator.channels(resolution, topChannels);
        int steps = channels.length - 1;
        channels[steps] = 3;
        for (int i = 0; i < steps; i++) {
            int in = channels[steps - i];
            int out = channels[steps - i - 1];
            down.add(new Conv2D(params, name + "down" + i, in, out, 4, 2, i == 0));
            if (i > 0) {
                norms.add(new BatchNorm(params, name + "down" + i + "_bn", out));
            }
        }
        flat = 16L * channels[0];
        dense = new Dense(params, name + "fc", (int) flat, 1);
    }

    /** images [N, res, res, 3] -> scores [N, 1]. */
    public Operand<TFloat32> apply(Operand<TFloat32> x) {
        long batch = x.shape().get(0);
        Operand<TFloat32> h = x;
        for (int i = 0; i < down.size(); i++) {
            h = down.get(i).apply(h);
            if (i > 0) {
                h = norms.get(i - 1).apply(h);
            }
            h = tf.nn.leakyRelu(h, org.tensorflow.op.nn.LeakyRelu.alpha(0.2f));
        }
        return dense.apply(tf.reshape(h, tf.constant(new long[] {batch, flat})));
    }
}
