package org.melanogans.engine.model.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Strided 2-D convolution, NHWC, SAME padding: [N, H, W, in] -> [N, ceil(H/s), ceil(W/s), out].
 * With kernel 4 and stride 2 on even sizes this pads one pixel each side, as PyTorch's
 * {@code Conv2d(k=4, s=2, p=1)}. Filter [k, k, in, out] from N(0, 0.02); optional bias (left out
 * when batch norm follows, whose beta replaces it).
 */
public final class Conv2D {
    private final Ops tf;
    private final Variable<TFloat32> filter;
    private final Variable<TFloat32> bias;
    private final int stride;

    public Conv2D(Parameters params, String name, int in, int out, int kernel, int stride, boolean withBias) {
        this(params, name, in, out, kernel, stride, withBias, 0.02f);
    }

    /** As above with the filter drawn from N(0, std) (He: sqrt(2 / (k x k x in)) for ReLU networks). */
    public Conv2D(Parameters params, String name, int in, int out, int kernel, int stride, boolean withBias,
                  float std) {
        this.tf = params.tf();
        this.stride = stride;
        this.filter = params.normal(name + "/w", Shape.of(kernel, kernel, in, out), 0f, std);
        this.bias = withBias ? params.zeros(name + "/b", Shape.of(out)) : null;
    }

    public Variable<TFloat32> filter() {
        return filter;
    }

    public Operand<TFloat32> apply(Operand<TFloat32> x) {
        Operand<TFloat32> y = tf.nn.conv2d(x, filter, List.of(1L, (long) stride, (long) stride, 1L), "SAME");
        return bias == null ? y : tf.nn.biasAdd(y, bias);
    }
}
