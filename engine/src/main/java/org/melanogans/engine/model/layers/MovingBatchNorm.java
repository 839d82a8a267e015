package org.melanogans.engine.model.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation with separate training and inference modes, for the classifier: in training
 * it normalises with the batch's statistics and returns ops that move the running averages
 * towards them (momentum 0.99, as Keras); in inference it normalises with the running averages,
 * so a prediction does not depend on the rest of its batch. gamma 1, beta 0, epsilon 1e-3 (Keras).
 */
public final class MovingBatchNorm {
    private static final float MOMENTUM = 0.99f;
    private static final float EPSILON = 1e-3f;
    private final Ops tf;
    private final Variable<TFloat32> gamma;
    private final Variable<TFloat32> beta;
    private final Variable<TFloat32> movingMean;
    private final Variable<TFloat32> movingVariance;
    private final Operand<TFloat32> empty;

    public MovingBatchNorm(Parameters params, String name, int channels) {
        this.tf = params.tf();
        this.gamma = params.normal(name + "/gamma", Shape.of(channels), 1f, 0f);
        this.beta = params.zeros(name + "/beta", Shape.of(channels));
        this.movingMean = params.nonTrainable(name + "/moving_mean", Shape.of(channels), 0f);
        this.movingVariance = params.nonTrainable(name + "/moving_variance", Shape.of(channels), 1f);
        this.empty = tf.constant(new float[0]);
    }

    /** Training mode: the normalised batch, and the two ops updating the running averages. */
    public Training training(Operand<TFloat32> x) {
        FusedBatchNorm<TFloat32, TFloat32> bn = tf.nn.fusedBatchNorm(x, gamma, beta, empty, empty,
                FusedBatchNorm.isTraining(true), FusedBatchNorm.epsilon(EPSILON));
        return new Training(bn.y(), List.of(
                tf.assign(movingMean, blend(movingMean, bn.batchMean())),
                tf.assign(movingVariance, blend(movingVariance, bn.batchVariance()))));
    }

    private Operand<TFloat32> blend(Operand<TFloat32> moving, Operand<TFloat32> batch) {
        return tf.math.add(tf.math.mul(moving, tf.constant(MOMENTUM)), tf.math.mul(batch, tf.constant(1 - MOMENTUM)));
    }

    /** Inference mode: normalised with the running averages. */
    public Operand<TFloat32> inference(Operand<TFloat32> x) {
        return tf.nn.fusedBatchNorm(x, gamma, beta, movingMean, movingVariance,
                FusedBatchNorm.isTraining(false), FusedBatchNorm.epsilon(EPSILON)).y();
    }

    public Variable<TFloat32> gamma() {
        return gamma;
    }

    public Variable<TFloat32> beta() {
        return beta;
    }

    public Variable<TFloat32> movingMean() {
        return movingMean;
    }

    public Variable<TFloat32> movingVariance() {
        return movingVariance;
    }

    /** A training-mode output and the updates of the running averages it implies. */
    public record Training(Operand<TFloat32> y, List<Op> updates) {
    }
}
