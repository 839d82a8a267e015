package org.melanogans.engine.model.layers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.melanogans.engine.tf.Scopes;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.types.TFloat32;

/**
 * Creates the trainable variables of one network and remembers them, so gradients and optimizer
 * updates can be restricted to that network (in a GAN the G step must not move D).
 *
 * <p>Every variable gets an explicit unique name under the network's prefix (unnamed variables were
 * seen to alias each other in TF-Java 1.1.0 graph mode) and a seeded initializer: the same seed
 * gives the same initial weights.
 */
public final class Parameters {
    private final Ops tf;
    private final Ops scoped;
    private final String prefix;
    private final long seed;
    private final List<Variable<TFloat32>> variables = new ArrayList<>();
    private final List<Variable<TFloat32>> state = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    public Parameters(Ops tf, String prefix, long seed) {
        this.tf = tf;
        this.scoped = Scopes.under(tf, prefix);
        this.prefix = prefix;
        this.seed = seed;
    }

    public Ops tf() {
        return tf;
    }

    /** A variable initialised from N(mean, std), seeded by the model seed and its index. */
    public Variable<TFloat32> normal(String name, Shape shape, float mean, float std) {
        long opSeed = seed * 1_000_003L + variables.size() + 1;
        Operand<TFloat32> noise = tf.random.randomStandardNormal(tf.constant(shape.asArray()), TFloat32.class,
                RandomStandardNormal.seed(seed), RandomStandardNormal.seed2(opSeed));
        Operand<TFloat32> init = tf.math.add(tf.math.mul(noise, tf.constant(std)), tf.constant(mean));
        return register(name, init);
    }

    /** A variable initialised to zero. */
    public Variable<TFloat32> zeros(String name, Shape shape) {
        return register(name, tf.zeros(tf.constant(shape.asArray()), TFloat32.class));
    }

    /**
     * A variable that is not trained but saved with the checkpoint (batch norm's moving
     * averages), filled with {@code value}.
     */
    public Variable<TFloat32> nonTrainable(String name, Shape shape, float value) {
        Operand<TFloat32> init = tf.fill(tf.constant(shape.asArray()), tf.constant(value));
        Variable<TFloat32> v = create(name, init);
        state.add(v);
        return v;
    }

    private Variable<TFloat32> register(String name, Operand<TFloat32> init) {
        Variable<TFloat32> v = create(name, init);
        variables.add(v);
        return v;
    }

    private Variable<TFloat32> create(String name, Operand<TFloat32> init) {
        String full = prefix + "/" + name;
        if (!names.add(full)) {
            throw new IllegalStateException("variable " + full + " defined twice");
        }
        return scoped.withName(name.replace('/', '_')).variable(init);
    }

    /** The non-trainable variables created so far, in creation order. */
    public List<Variable<TFloat32>> state() {
        return List.copyOf(state);
    }

    /** The trainable variables created so far, in creation order. */
    public List<Variable<TFloat32>> variables() {
        return List.copyOf(variables);
    }

    /** Number of trainable scalars. */
    public long count() {
        long total = 0;
        for (Variable<TFloat32> v : variables) {
            total += v.shape().size();
        }
        return total;
    }

    public String prefix() {
        return prefix;
    }
}
