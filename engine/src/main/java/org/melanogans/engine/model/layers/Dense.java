package org.melanogans.engine.model.layers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Fully connected layer: [N, in] -> [N, out], y = x W + b. Weights N(0, 0.02), bias 0. */
public final class Dense {
    private final Ops tf;
    private final Variable<TFloat32> weights;
    private final Variable<TFloat32> bias;

    public Dense(Parameters params, String name, int in, int out) {
        this.tf = params.tf();
        this.weights = params.normal(name + "/w", Shape.of(in, out), 0f, 0.02f);
        this.bias = params.zeros(name + "/b", Shape.of(out));
    }

    public Operand<TFloat32> apply(Operand<TFloat32> x) {
        return tf.nn.biasAdd(tf.linalg.matMul(x, weights), bias);
    }
}
