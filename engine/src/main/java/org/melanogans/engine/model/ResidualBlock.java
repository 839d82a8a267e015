package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.model.layers.BatchNorm;
import org.melanogans.engine.model.layers.Conv2D;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The branch F of a higher pyramid level's residual block res(x, d) = x + F(x): d 3x3 stride-1
 * convolutions, in -> C -> ... -> C -> 3, batch norm + ReLU after all but the last, which is linear
 * with a bias. Its filters start as N(0, 0.02) like every other filter, so an untrained level adds
 * a random perturbation to its upsampled input (by the initialisation's arithmetic about 0.24
 * standard deviation in [-1, 1] units with 32 channels: 3x3x32 ReLU inputs of mean square 0.5).
 */
public final class ResidualBlock {
    private final Ops tf;
    private final List<Conv2D> convs = new ArrayList<>();
    private final List<BatchNorm> norms = new ArrayList<>();

    /** @param name prefix of the variable names within {@code params} ("l1/") */
    public ResidualBlock(Parameters params, String name, int in, int channels, int depth) {
        if (depth < 2) {
            throw new IllegalArgumentException("residual block depth must be >= 2, got " + depth);
        }
        this.tf = params.tf();
        for (int i = 0; i < depth; i++) {
            boolean last = i == depth - 1;
            convs.add(new Conv2D(params, name + "conv" + i, i == 0 ? in : channels, last ? 3 : channels, 3, 1, last));
            if (!last) {
                norms.add(new BatchNorm(params, name + "conv" + i + "_bn", channels));
            }
        }
    }

    /** F(x): [N, s, s, in] -> [N, s, s, 3]. */
    public Operand<TFloat32> branch(Operand<TFloat32> x) {
        Operand<TFloat32> h = x;
        for (int i = 0; i < convs.size(); i++) {
            h = convs.get(i).apply(h);
            if (i < norms.size()) {
                h = tf.nn.relu(norms.get(i).apply(h));
            }
        }
        return h;
    }
}
