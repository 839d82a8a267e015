package org.melanogans.engine.model.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Transposed 2-D convolution (the gradient of {@link Conv2D} with respect to its input), NHWC,
 * SAME padding: [N, H, W, in] -> [N, H*s, W*s, out]. With kernel 4 and stride 2 it matches
 * PyTorch's {@code ConvTranspose2d(k=4, s=2, p=1)}. Filter [k, k, out, in] from N(0, 0.02).
 * The batch size is fixed when the graph is built (the output shape is a constant).
 */
public final class Conv2DTranspose {
    private final Ops tf;
    private final Variable<TFloat32> filter;
    private final Variable<TFloat32> bias;
    private final int stride;
    private final int out;

    public Conv2DTranspose(Parameters params, String name, int in, int out, int kernel, int stride,
                           boolean withBias) {
        this.tf = params.tf();
        this.stride = stride;
        this.out = out;
        this.filter = params.normal(name + "/w", Shape.of(kernel, kernel, out, in), 0f, 0.02f);
        this.bias = withBias ? params.zeros(name + "/b", Shape.of(out)) : null;
    }

    public Operand<TFloat32> apply(Operand<TFloat32> x) {
        Shape s = x.shape();
        int[] outputShape = {(int) s.get(0), (int) s.get(1) * stride, (int) s.get(2) * stride, out};
        Operand<TFloat32> y = tf.nn.conv2dBackpropInput(tf.constant(outputShape), filter, x,
                List.of(1L, (long) stride, (long) stride, 1L), "SAME");
        return bias == null ? y : tf.nn.biasAdd(y, bias);
    }
}
