package org.melanogans.engine.metrics;

import java.util.function.Function;
import org.melanogans.engine.tf.SessionOptions;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TUint8;

/**
 * A x B^T in float32 through TensorFlow's oneDNN matrix multiply: the heavy linear algebra of the
 * structural metrics (projecting patch descriptors, distances between images), which runs there
 * about ten times faster than plain Java loops on the same two cores. Images go in as bytes, each
 * value read as byte / 255: they stay bytes in the Java heap (2000 images of 256 px are 1.6 GB as
 * floats), and the side multiplied with many times is cast once into a tensor TensorFlow holds.
 */
final class MatMul implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> a;
    private final Placeholder<TFloat32> b;
    private final Operand<TFloat32> product;
    private final Placeholder<TUint8> bytes;
    private final Operand<TFloat32> scaled;
    private final Placeholder<TUint8> aBytes;
    private final Operand<TFloat32> bytesProduct;

    MatMul(int threads) {
        Ops tf = Ops.create(graph);
        a = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        b = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
        product = tf.linalg.matMul(a, b, org.tensorflow.op.linalg.MatMul.transposeB(true));
        Operand<TFloat32> scale = tf.constant(1f / 255);
        bytes = tf.placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1)));
        scaled = tf.math.mul(tf.dtypes.cast(bytes, TFloat32.class), scale);
        aBytes = tf.placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1)));
        bytesProduct = tf.linalg.matMul(tf.math.mul(tf.dtypes.cast(aBytes, TFloat32.class), scale), b,
                org.tensorflow.op.linalg.MatMul.transposeB(true));
        session = new Session(graph, SessionOptions.beside(threads));
    }

    /** A matrix held by TensorFlow, to multiply with many times without copying it again. */
    static TFloat32 tensor(float[] values, int rows, int k) {
        return TFloat32.tensorOf(Shape.of(rows, k), DataBuffers.of(values, true, false));
    }

    /** Rows {@code from .. from + rows} of a row-major byte matrix of {@code k} columns, held by TensorFlow. */
    static TUint8 tensor(byte[] values, int from, int rows, int k) {
        return TUint8.tensorOf(Shape.of(rows, k), DataBuffers.of(java.util.Arrays.copyOfRange(values,
                from * k, (from + rows) * k), true, false));
    }

    /**
     * The rows as floats (byte / 255), held by TensorFlow to multiply with many times; the caller
     * closes it (the run's result holds nothing else, so it is left to the garbage collector).
     */
    TFloat32 scaled(TUint8 rows) {
        return (TFloat32) session.runner().feed(bytes, rows).fetch(scaled).run().get(0);
    }

    /**
     * The rows x cols product of {@code a}'s rows (rows x k, row-major) with {@code b}'s, handed to
     * {@code use} while TensorFlow holds it: a product of hundreds of megabytes is read in place
     * rather than copied into the heap first.
     */
    <T> T timesTransposed(float[] a, int rows, TFloat32 b, Function<FloatDataBuffer, T> use) {
        long k = b.shape().get(1);
        try (TFloat32 at = TFloat32.tensorOf(Shape.of(rows, k), DataBuffers.of(a, true, false));
             Result result = session.runner().feed(this.a, at).feed(this.b, b).fetch(product).run()) {
            return use.apply(((TFloat32) result.get(0)).asRawTensor().data().asFloats());
        }
    }

    /** rows x cols products of {@code a}'s rows (bytes / 255) with {@code b}'s, row-major. */
    float[] timesTransposed(TUint8 a, TFloat32 b) {
        try (Result result = session.runner().feed(aBytes, a).feed(this.b, b).fetch(bytesProduct).run()) {
            long rows = a.shape().get(0);
            long cols = b.shape().get(0);
            float[] out = new float[Math.toIntExact(rows * cols)];
            ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(out);
            return out;
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
