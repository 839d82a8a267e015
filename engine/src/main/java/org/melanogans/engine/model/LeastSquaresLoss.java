package org.melanogans.engine.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Least-squares GAN loss (Mao et al.) with targets a = 0 (fake), b = 1 (real), c = 1 (generator),
 * each term halved and averaged over the batch, as MELANOGANS.md specifies.
 */
public final class LeastSquaresLoss {
    private LeastSquaresLoss() {
    }

    public static Operand<TFloat32> discriminator(Ops tf, Operand<TFloat32> dReal, Operand<TFloat32> dFake) {
        return tf.math.add(halfMeanSquare(tf, tf.math.sub(dReal, tf.constant(1f))), halfMeanSquare(tf, dFake));
    }

    public static Operand<TFloat32> generator(Ops tf, Operand<TFloat32> dFake) {
        return halfMeanSquare(tf, tf.math.sub(dFake, tf.constant(1f)));
    }

    private static Operand<TFloat32> halfMeanSquare(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> flat = tf.reshape(tf.math.square(x), tf.constant(new int[] {-1}));
        return tf.math.mul(tf.math.mean(flat, tf.constant(0)), tf.constant(0.5f));
    }
}
