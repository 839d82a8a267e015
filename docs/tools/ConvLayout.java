import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.melanogans.engine.tf.SessionOptions;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.types.TFloat32;

/**
 * The NCHW-against-NHWC lever of docs/PERFORMANCE.md: one strided 4x4 convolution of the DCGAN
 * discriminator (forward, and the gradients of its input and filter in one session call), batch 8,
 * in either layout, fp32 and with grappler's oneDNN bfloat16 rewrite, interleaved over 3 rounds.
 *
 *   mvn -q -o install -DskipTests
 *   mvn -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   TF_ENABLE_ONEDNN_OPTS=1 java -cp "engine/target/classes:$(cat cp.txt)" docs/tools/ConvLayout.java [8,256,3,32 ...]
 *
 * With layers given as arguments it also answers the 3-channel question: 8,256,3,32 8,256,4,32 8,256,8,32.
 */
public class ConvLayout {
    private static double time(boolean nchw, boolean bf16, int n, int side, int cin, int cout, int reps) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Random r = new Random(1);
            Shape xs = nchw ? Shape.of(n, cin, side, side) : Shape.of(n, side, side, cin);
            float[] xv = new float[(int) xs.size()];
            for (int i = 0; i < xv.length; i++) {
                xv[i] = r.nextFloat() - 0.5f;
            }
            Variable<TFloat32> x = tf.withName("x").variable(tf.constant(xs, DataBuffers.of(xv)));
            float[] wv = new float[16 * cin * cout];
            for (int i = 0; i < wv.length; i++) {
                wv[i] = (r.nextFloat() - 0.5f) * 0.05f;
            }
            Variable<TFloat32> w = tf.withName("w").variable(tf.constant(Shape.of(4, 4, cin, cout), DataBuffers.of(wv)));
            List<Long> strides = nchw ? List.of(1L, 1L, 2L, 2L) : List.of(1L, 2L, 2L, 1L);
            Operand<TFloat32> y = tf.nn.conv2d(x, w, strides, "SAME", Conv2d.dataFormat(nchw ? "NCHW" : "NHWC"));
            Operand<TFloat32> loss = tf.reduceSum(tf.math.mul(y, y), tf.constant(new int[] {0, 1, 2, 3}));
            Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {x.asOutput(), w.asOutput()});
            try (Session s = new Session(g, SessionOptions.config(2, 2, bf16))) {
                for (int i = 0; i < 3; i++) {
                    s.runner().fetch(loss).fetch(grads[0]).fetch(grads[1]).run().close();
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < reps; i++) {
                    s.runner().fetch(loss).fetch(grads[0]).fetch(grads[1]).run().close();
                }
                return (System.nanoTime() - t0) / 1e6 / reps;
            }
        }
    }

    /** Layers as {@code batch,side,in,out} arguments; none: three of the discriminator's at 256 and 64 px. */
    public static void main(String[] args) {
        int[][] layers = args.length == 0 ? new int[][] {{8, 128, 32, 64}, {8, 64, 64, 128}, {8, 32, 64, 128}}
                : Arrays.stream(args).map(a -> Arrays.stream(a.split(",")).mapToInt(Integer::parseInt).toArray())
                        .toArray(int[][]::new);
        for (int round = 1; round <= 3; round++) {
            for (int[] l : layers) {
                for (boolean bf16 : new boolean[] {false, true}) {
                    double nhwc = time(false, bf16, l[0], l[1], l[2], l[3], 10);
                    double nchw = time(true, bf16, l[0], l[1], l[2], l[3], 10);
                    System.out.printf(Locale.ROOT, "round %d %s %dx%d %d->%d: NHWC %.2f ms, NCHW %.2f ms, NCHW/NHWC %.2f%n",
                            round, bf16 ? "bf16" : "fp32", l[1], l[1], l[2], l[3], nhwc, nchw, nchw / nhwc);
                }
            }
        }
    }
}
