package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.model.layers.BatchNorm;
import org.melanogans.engine.model.layers.Conv2DTranspose;
import org.melanogans.engine.model.layers.Dense;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * DCGAN generator: dense z -> 4x4xC0, batch norm, ReLU; then stride-2 4x4 transposed
 * convolutions, each doubling the side and halving the channels (batch norm + ReLU), the last one
 * to 3 channels with tanh. The layer at the output resolution has {@code topChannels}, doubling per
 * halving, so C0 = top * 2^(n-1) with n = log2(resolution / 4) up-steps.
 */
public final class DcganGenerator {
    private final Ops tf;
    private final int[] channels;
    private final Dense dense;
    private final BatchNorm denseNorm;
    private final List<Conv2DTranspose> up = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();

    /** @param name prefix of the variable names within {@code params} ("" or "l0/") */
    public DcganGenerator(Parameters params, String name, int zDim, int resolution, int topChannels) {
        if (resolution < 8 || Integer.bitCount(resolution) != 1) {
            throw new IllegalArgumentException("DCGAN resolution must be a power of two >= 8, got " + resolution);
        }
        this.tf = params.tf();
        channels = channels(resolution, topChannels);
        int steps = channels.length - 1;
        channels[steps] = 3;
        dense = new Dense(params, name + "fc", zDim, 16 * channels[0]);
        denseNorm = new BatchNorm(params, name + "fc_bn", channels[0]);
        for (int i = 0; i < steps; i++) {
            boolean last = i == steps - 1;
            up.add(new Conv2DTranspose(params, name + "up" + i, channels[i], channels[i + 1], 4, 2, last));
            if (!last) {
                norms.add(new BatchNorm(params, name + "up" + i + "_bn", channels[i + 1]));
            }
        }
    }

    /**
     * Channels from the 4x4 layer up to the layer at {@code resolution}: top * 2^(n-1), ..., top,
     * plus one slot for the output (filled by the caller).
     */
    static int[] channels(int resolution, int topChannels) {
        int steps = Integer.numberOfTrailingZeros(resolution / 4);
        int[] c = new int[steps + 1];
        for (int i = 0; i < steps; i++) {
            c[i] = topChannels << (steps - 1 - i);
        }
        return c;
    }

    /** z [N, zDim] -> images [N, res, res, 3] in [-1, 1]. */
    public Operand<TFloat32> apply(Operand<TFloat32> z) {
        long batch = z.shape().get(0);
        Operand<TFloat32> h = dense.apply(z);
        h = tf.reshape(h, tf.constant(new long[] {batch, 4, 4, channels[0]}));
        h = tf.nn.relu(denseNorm.apply(h));
        for (int i = 0; i < up.size(); i++) {
            h = up.get(i).apply(h);
            h = i < norms.size() ? tf.nn.relu(norms.get(i).apply(h)) : tf.math.tanh(h);
        }
        return h;
    }
}
