package org.melanogans.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.tf.Scopes;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam for one network's variables. The bias-correction powers beta^t are fed by the caller
 * from the step number rather than kept in variables, so a restored checkpoint plus its step
 * reproduces the optimizer exactly. Moments are named {@code <variable>/adam_m} and
 * {@code <variable>/adam_v} and are saved with the checkpoint.
 */
public final class AdamUpdate {
    private AdamUpdate() {
    }

    public static Op build(Ops tf, String name, List<Variable<TFloat32>> variables, List<Output<?>> gradients,
                    float learningRate, float beta1, float beta2,
                    Operand<TFloat32> beta1Power, Operand<TFloat32> beta2Power) {
        return build(tf, name, variables, gradients, tf.constant(learningRate), beta1, beta2, beta1Power, beta2Power);
    }

    /** Adam with a learning rate computed or fed per step (a schedule). */
    public static Op build(Ops tf, String name, List<Variable<TFloat32>> variables, List<Output<?>> gradients,
                    Operand<TFloat32> lr, float beta1, float beta2,
                    Operand<TFloat32> beta1Power, Operand<TFloat32> beta2Power) {
        List<Op> updates = new ArrayList<>();
        Operand<TFloat32> b1 = tf.constant(beta1);
        Operand<TFloat32> b2 = tf.constant(beta2);
        Operand<TFloat32> eps = tf.constant(1e-8f);
        // Gate every update on every gradient: with reference variables an update could otherwise
        // run while a sibling backprop op still reads the old weights (TF1's GATE_GRAPH).
        List<Op> gradientOps = new ArrayList<>();
        for (Output<?> g : gradients) {
            gradientOps.add(tf.identity(g));
        }
        Ops gated = tf.withControlDependencies(List.of(tf.withName(name + "_gate")
                .withControlDependencies(gradientOps).noOp()));
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            Ops slots = Scopes.under(tf, v.op().name());
            Variable<TFloat32> m = slots.withName("adam_m").variable(
                    tf.zeros(tf.constant(v.shape().asArray()), TFloat32.class));
            Variable<TFloat32> s = slots.withName("adam_v").variable(
                    tf.zeros(tf.constant(v.shape().asArray()), TFloat32.class));
            @SuppressWarnings("unchecked")
            Output<TFloat32> g = (Output<TFloat32>) gradients.get(i);
            updates.add(gated.train.applyAdam(v, m, s, beta1Power, beta2Power, lr, b1, b2, eps, g));
        }
        return tf.withName(name).withControlDependencies(updates).noOp();
    }
}
