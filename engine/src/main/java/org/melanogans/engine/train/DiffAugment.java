package org.melanogans.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.melanogans.engine.experiment.Augmentation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * Differentiable augmentation (DiffAugment, Zhao et al. 2020) of what a discriminator sees in
 * training: every {@link #apply} transforms one batch [N, s, s, C] with its own random draws, the
 * same transform family for real and generated batches, and gradients flow through it to the
 * generator. The transforms and their ranges are the reference code's.
 *
 * <p>The draws are made here from (seed, step) and fed as tensors (per-image factors, one-hot shift
 * matrices, cutout masks), so the graph holds only ops with registered gradients and no random ops,
 * and a resumed run draws exactly what an uninterrupted one would have.
 */
final class DiffAugment {
    private static final long STREAM = 0xD1FFA06L;
    /** Largest shift as a share of the side (the reference's 1/8). */
    static final double TRANSLATION_RATIO = 0.125;
    /** Side of the cutout square as a share of the image's (the reference's 1/2). */
    static final double CUTOUT_RATIO = 0.5;

    private final Ops tf;
    private final Set<Augmentation> policy;
    private final int batch;
    private final List<Call> calls = new ArrayList<>();

    /** The fed inputs of one application; those of transforms not in the policy are null. */
    private record Call(int side, Placeholder<TFloat32> brightness, Placeholder<TFloat32> saturation,
                        Placeholder<TFloat32> contrast, Placeholder<TFloat32> rows, Placeholder<TFloat32> columns,
                        Placeholder<TFloat32> mask) {
    }

    DiffAugment(Ops tf, Set<Augmentation> policy, int batch) {
        if (policy.isEmpty()) {
            throw new IllegalArgumentException("an empty augmentation policy builds no graph");
        }
        this.tf = tf;
        this.policy = Set.copyOf(policy);
        this.batch = batch;
    }

    /** The batch [batch, s, s, C] transformed by color, then translation, then cutout. */
    Operand<TFloat32> apply(Operand<TFloat32> x) {
        int side = (int) x.shape().get(1);
        long channels = x.shape().get(3);
        String name = "augment_" + calls.size() + "_";
        Shape perImage = Shape.of(batch, 1, 1, 1);
        Placeholder<TFloat32> brightness = null;
        Placeholder<TFloat32> saturation = null;
        Placeholder<TFloat32> contrast = null;
        Placeholder<TFloat32> rows = null;
        Placeholder<TFloat32> columns = null;
        Placeholder<TFloat32> mask = null;
        if (policy.contains(Augmentation.COLOR)) {
            brightness = placeholder(name + "brightness", perImage);
            saturation = placeholder(name + "saturation", perImage);
            contrast = placeholder(name + "contrast", perImage);
            x = tf.math.add(x, brightness);
            x = around(tf.math.mean(x, tf.constant(new int[] {3}), Mean.keepDims(true)), x, saturation);
            x = around(tf.math.mean(x, tf.constant(new int[] {1, 2, 3}), Mean.keepDims(true)), x, contrast);
        }
        if (policy.contains(Augmentation.TRANSLATION)) {
            rows = placeholder(name + "rows", Shape.of(batch, side, side));
            columns = placeholder(name + "columns", Shape.of(batch, side, side));
            x = shiftRows(rows, x, side, channels);
            x = transposeRowsColumns(shiftRows(columns, transposeRowsColumns(x), side, channels));
        }
        if (policy.contains(Augmentation.CUTOUT)) {
            mask = placeholder(name + "mask", Shape.of(batch, side, side, 1));
            x = tf.math.mul(x, mask);
        }
        calls.add(new Call(side, brightness, saturation, contrast, rows, columns, mask));
        return x;
    }

    /** (x - mean) * factor + mean. */
    private Operand<TFloat32> around(Operand<TFloat32> mean, Operand<TFloat32> x, Operand<TFloat32> factor) {
        return tf.math.add(tf.math.mul(tf.math.sub(x, mean), factor), mean);
    }

    /** out[b, i] = sum_k shift[b, i, k] x[b, k]: one batched matrix product over the rows. */
    private Operand<TFloat32> shiftRows(Operand<TFloat32> shift, Operand<TFloat32> x, int side, long channels) {
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[] {batch, side, side * channels}));
        Operand<TFloat32> moved = tf.train.batchMatMul(shift, flat, TFloat32.class);
        return tf.reshape(moved, tf.constant(new long[] {batch, side, side, channels}));
    }

    private Operand<TFloat32> transposeRowsColumns(Operand<TFloat32> x) {
        return tf.linalg.transpose(x, tf.constant(new int[] {0, 2, 1, 3}));
    }

    private Placeholder<TFloat32> placeholder(String name, Shape shape) {
        return tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(shape));
    }

    /** One application's draws per image; the arrays of transforms not in the policy are null. */
    record Draws(int side, float[] brightness, float[] saturation, float[] contrast, int[] rowShift,
                 int[] columnShift, int[] cutoutTop, int[] cutoutLeft) {
    }

    /** Side of the cutout square in an image of side {@code side}. */
    static int cutoutSize(int side) {
        return (int) (side * CUTOUT_RATIO + 0.5);
    }

    /** Largest shift in an image of side {@code side}. */
    static int maxShift(int side) {
        return (int) (side * TRANSLATION_RATIO + 0.5);
    }

    /** Every application's draws for one training step, in the order of the {@link #apply} calls. */
    List<Draws> draw(long seed, long step) {
        SplittableRandom random = new SplittableRandom(NoiseSource.mix(seed ^ STREAM, step));
        List<Draws> all = new ArrayList<>();
        for (Call call : calls) {
            float[] b = null;
            float[] s = null;
            float[] c = null;
            int[] rows = null;
            int[] columns = null;
            int[] top = null;
            int[] left = null;
            if (call.brightness() != null) {
                b = new float[batch];
                s = new float[batch];
                c = new float[batch];
                for (int i = 0; i < batch; i++) {
                    b[i] = (float) (random.nextDouble() - 0.5);
                    s[i] = (float) (random.nextDouble() * 2);
                    c[i] = (float) (random.nextDouble() + 0.5);
                }
            }
            if (call.rows() != null) {
                int shift = maxShift(call.side());
                rows = new int[batch];
                columns = new int[batch];
                for (int i = 0; i < batch; i++) {
                    rows[i] = random.nextInt(-shift, shift + 1);
                    columns[i] = random.nextInt(-shift, shift + 1);
                }
            }
            if (call.mask() != null) {
                // the square's centre is anywhere in the image; the square is clipped at the border
                int size = cutoutSize(call.side());
                top = new int[batch];
                left = new int[batch];
                for (int i = 0; i < batch; i++) {
                    top[i] = random.nextInt(call.side() + 1 - size % 2) - size / 2;
                    left[i] = random.nextInt(call.side() + 1 - size % 2) - size / 2;
                }
            }
            all.add(new Draws(call.side(), b, s, c, rows, columns, top, left));
        }
        return all;
    }

    /**
     * Draws every application's transforms for one step and feeds them.
     *
     * @return the fed tensors, to be closed by the caller once the step has run
     */
    List<TFloat32> feed(Session.Runner runner, long seed, long step) {
        List<Draws> draws = draw(seed, step);
        List<TFloat32> fed = new ArrayList<>();
        for (int n = 0; n < calls.size(); n++) {
            Call call = calls.get(n);
            Draws d = draws.get(n);
            int side = call.side();
            Shape perImage = Shape.of(batch, 1, 1, 1);
            if (call.brightness() != null) {
                feed(runner, fed, call.brightness(), perImage, d.brightness());
                feed(runner, fed, call.saturation(), perImage, d.saturation());
                feed(runner, fed, call.contrast(), perImage, d.contrast());
            }
            if (call.rows() != null) {
                feed(runner, fed, call.rows(), Shape.of(batch, side, side), shiftMatrices(d.rowShift(), side));
                feed(runner, fed, call.columns(), Shape.of(batch, side, side), shiftMatrices(d.columnShift(), side));
            }
            if (call.mask() != null) {
                feed(runner, fed, call.mask(), Shape.of(batch, side, side, 1), cutoutMasks(d));
            }
        }
        return fed;
    }

    /** Per image a matrix whose row i picks source row i + t, or nothing when that is outside. */
    private float[] shiftMatrices(int[] shifts, int side) {
        float[] out = new float[batch * side * side];
        for (int image = 0; image < batch; image++) {
            for (int i = 0; i < side; i++) {
                int k = i + shifts[image];
                if (k >= 0 && k < side) {
                    out[(image * side + i) * side + k] = 1f;
                }
            }
        }
        return out;
    }

    /** Ones with each image's cutout square, clipped at the border, set to zero. */
    private float[] cutoutMasks(Draws d) {
        int side = d.side();
        int size = cutoutSize(side);
        float[] mask = new float[batch * side * side];
        Arrays.fill(mask, 1f);
        for (int i = 0; i < batch; i++) {
            int top = d.cutoutTop()[i];
            int left = d.cutoutLeft()[i];
            for (int r = Math.max(0, top); r < Math.min(side, top + size); r++) {
                for (int c = Math.max(0, left); c < Math.min(side, left + size); c++) {
                    mask[(i * side + r) * side + c] = 0f;
                }
            }
        }
        return mask;
    }

    private static void feed(Session.Runner runner, List<TFloat32> fed, Placeholder<TFloat32> input, Shape shape,
                             float[] values) {
        TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values));
        fed.add(t);
        runner.feed(input, t);
    }
}
