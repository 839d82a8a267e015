package org.melanogans.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.Augmentation;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** DiffAugment's graph against the reference code's definitions, worked out here pixel by pixel. */
class DiffAugmentTest {
    private static final int N = 6;
    private static final int SIDE = 16;
    private static final int C = 3;

    /** The augmented batch, the draws behind it, and d(sum of outputs)/d(input). */
    private record Outcome(float[] out, DiffAugment.Draws draws, float[] gradient) {
    }

    private static Outcome run(Set<Augmentation> policy, float[] input, long seed, long step) {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(N, SIDE, SIDE, C)));
            DiffAugment augment = new DiffAugment(tf, policy, N);
            Operand<TFloat32> y = augment.apply(x);
            Output<?> gradient = g.addGradients(tf.sum(y, tf.constant(new int[] {0, 1, 2, 3})).asOutput(),
                    new Output<?>[] {x.asOutput()})[0];
            try (Session s = new Session(g);
                 TFloat32 in = TFloat32.tensorOf(Shape.of(N, SIDE, SIDE, C), DataBuffers.of(input))) {
                Session.Runner runner = s.runner().feed(x, in);
                List<TFloat32> fed = augment.feed(runner, seed, step);
                try (Result r = runner.fetch(y).fetch(gradient).run()) {
                    float[] out = new float[input.length];
                    float[] grad = new float[input.length];
                    ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
                    ((TFloat32) r.get(1)).asRawTensor().data().asFloats().read(grad);
                    return new Outcome(out, augment.draw(seed, step).get(0), grad);
                } finally {
                    fed.forEach(TFloat32::close);
                }
            }
        }
    }

    private static int at(int b, int i, int j, int c) {
        return ((b * SIDE + i) * SIDE + j) * C + c;
    }

    @Test
    void translationShiftsEachImageByItsDrawAndFillsWithZerosAsTheReferenceDoes() {
        float[] x = TrainingGraphTest.gaussian(N * SIDE * SIDE * C, 1);
        Outcome o = run(EnumSet.of(Augmentation.TRANSLATION), x, 5, 3);
        int[] ty = o.draws().rowShift();
        int[] tx = o.draws().columnShift();
        Set<Integer> seen = new HashSet<>();
        for (int b = 0; b < N; b++) {
            // 16 px: shifts of up to int(16 / 8 + 0.5) = 2 pixels
            assertTrue(Math.abs(ty[b]) <= 2 && Math.abs(tx[b]) <= 2, "shift " + ty[b] + ", " + tx[b]);
            seen.add(ty[b] * 10 + tx[b]);
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    // the reference: pad by one, clamp the shifted index into the padding
                    boolean inside = i + ty[b] >= 0 && i + ty[b] < SIDE && j + tx[b] >= 0 && j + tx[b] < SIDE;
                    for (int c = 0; c < C; c++) {
                        float expected = inside ? x[at(b, i + ty[b], j + tx[b], c)] : 0f;
                        assertEquals(expected, o.out()[at(b, i, j, c)], 0f, "image " + b + " at " + i + "," + j);
                        // a source pixel's gradient is 1 when it lands inside the image, else 0
                        int si = i - ty[b];
                        int sj = j - tx[b];
                        boolean lands = si >= 0 && si < SIDE && sj >= 0 && sj < SIDE;
                        assertEquals(lands ? 1f : 0f, o.gradient()[at(b, i, j, c)], "gradient " + b + " at " + i + "," + j);
                    }
                }
            }
        }
        assertTrue(seen.size() > 1, "the images of a batch get their own shifts");
    }

    @Test
    void cutoutZeroesOneClippedSquareOfHalfTheSidePerImage() {
        float[] x = TrainingGraphTest.gaussian(N * SIDE * SIDE * C, 2);
        Outcome o = run(EnumSet.of(Augmentation.CUTOUT), x, 5, 4);
        int size = SIDE / 2;
        for (int b = 0; b < N; b++) {
            // the reference: offset in [0, side + (1 - size % 2)), grid clamp(arange(size) + offset - size // 2)
            int top = o.draws().cutoutTop()[b];
            int left = o.draws().cutoutLeft()[b];
            assertTrue(top + size / 2 >= 0 && top + size / 2 <= SIDE, "centre row " + (top + size / 2));
            boolean[][] cut = new boolean[SIDE][SIDE];
            for (int gi = 0; gi < size; gi++) {
                for (int gj = 0; gj < size; gj++) {
                    cut[Math.min(SIDE - 1, Math.max(0, gi + top))][Math.min(SIDE - 1, Math.max(0, gj + left))] = true;
                }
            }
            int zeros = 0;
            for (int i = 0; i < SIDE; i++) {
                for (int j = 0; j < SIDE; j++) {
                    zeros += cut[i][j] ? 1 : 0;
                    for (int c = 0; c < C; c++) {
                        assertEquals(cut[i][j] ? 0f : x[at(b, i, j, c)], o.out()[at(b, i, j, c)], 0f);  // -0.0 is a zero too
                        assertEquals(cut[i][j] ? 0f : 1f, o.gradient()[at(b, i, j, c)]);
                    }
                }
            }
            assertTrue(zeros >= (size / 2) * (size / 2) && zeros <= size * size, zeros + " pixels cut");
        }
    }

    @Test
    void colorIsBrightnessThenSaturationThenContrastPerImage() {
        float[] x = TrainingGraphTest.gaussian(N * SIDE * SIDE * C, 3);
        Outcome o = run(EnumSet.of(Augmentation.COLOR), x, 5, 5);
        DiffAugment.Draws d = o.draws();
        for (int b = 0; b < N; b++) {
            assertTrue(d.brightness()[b] >= -0.5 && d.brightness()[b] < 0.5);
            assertTrue(d.saturation()[b] >= 0 && d.saturation()[b] < 2);
            assertTrue(d.contrast()[b] >= 0.5 && d.contrast()[b] < 1.5);
            double[] v = new double[SIDE * SIDE * C];
            for (int p = 0; p < SIDE * SIDE; p++) {
                double mean = 0;
                for (int c = 0; c < C; c++) {
                    v[p * C + c] = x[b * SIDE * SIDE * C + p * C + c] + d.brightness()[b];
                    mean += v[p * C + c] / C;
                }
                for (int c = 0; c < C; c++) {
                    v[p * C + c] = (v[p * C + c] - mean) * d.saturation()[b] + mean;
                }
            }
            double mean = 0;
            for (double value : v) {
                mean += value / v.length;
            }
            for (int k = 0; k < v.length; k++) {
                double expected = (v[k] - mean) * d.contrast()[b] + mean;
                assertEquals(expected, o.out()[b * v.length + k], 1e-5, "image " + b + " value " + k);
            }
        }
    }

    @Test
    void drawsAreAFunctionOfSeedAndStepAlone() {
        float[] x = TrainingGraphTest.gaussian(N * SIDE * SIDE * C, 4);
        Set<Augmentation> all = EnumSet.allOf(Augmentation.class);
        Outcome a = run(all, x, 9, 17);
        Outcome b = run(all, x, 9, 17);
        assertArrayEquals(a.out(), b.out());
        assertArrayEquals(a.gradient(), b.gradient());
        assertNotEquals(a.out()[0] + a.out()[N * SIDE * SIDE * C - 1],
                run(all, x, 9, 18).out()[0] + run(all, x, 9, 18).out()[N * SIDE * SIDE * C - 1]);
        for (float g : a.gradient()) {
            assertTrue(Float.isFinite(g));
        }
    }

    @Test
    void everyApplicationDrawsItsOwnTransforms() {
        try (Graph g = new Graph()) {
            Ops tf = Ops.create(g);
            Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(N, SIDE, SIDE, C)));
            DiffAugment augment = new DiffAugment(tf, EnumSet.allOf(Augmentation.class), N);
            augment.apply(x);
            augment.apply(x);
            List<DiffAugment.Draws> draws = augment.draw(1, 1);
            assertEquals(2, draws.size());
            List<Float> first = new ArrayList<>();
            List<Float> second = new ArrayList<>();
            for (int b = 0; b < N; b++) {
                first.add(draws.get(0).brightness()[b]);
                second.add(draws.get(1).brightness()[b]);
            }
            assertNotEquals(first, second);
        }
    }
}
