package org.melanogans.engine.model.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation over N, H, W per channel (NHWC), shape-preserving, epsilon 1e-5;
 * gamma from N(1, 0.02), beta 0 (DCGAN). Always normalises with the statistics of the batch at
 * hand: GANs here are trained and sampled in batches of the same size (the DCGAN convention), so
 * no moving averages are kept.
 */
public final class BatchNorm {
    private final Ops tf;
    private final Variable<TFloat32> gamma;
    private final Variable<TFloat32> beta;
    private final Operand<TFloat32> empty;

    public BatchNorm(Parameters params, String name, int channels) {
        this.tf = params.tf();
        this.gamma = params.normal(name + "/gamma", Shape.of(channels), 1f, 0.02f);
        this.beta = params.zeros(name + "/beta", Shape.of(channels));
        this.empty = tf.constant(new float[0]);
    }

    public Operand<TFloat32> apply(Operand<TFloat32> x) {
        return tf.nn.fusedBatchNorm(x, gamma, beta, empty, empty,
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(1e-5f)).y();
    }
}
