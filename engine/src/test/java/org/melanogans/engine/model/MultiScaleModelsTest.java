package org.melanogans.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.experiment.LevelTraining;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.PyramidConfig;
import org.melanogans.engine.experiment.Upsampling;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class MultiScaleModelsTest {
    private static final int BATCH = 2;

    private static ModelConfig config(ModelType type, LevelTraining training) {
        return new ModelConfig("m", type, 8, 4, new PyramidConfig(3, 3, 4, Upsampling.BILINEAR, training));
    }

    private static float[] random(long n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) n];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian() * 0.5f;
        }
        return x;
    }

    /** Runs the graph's variable initialisers and evaluates the operands with z and real fed. */
    private static List<Shape> shapesOf(Graph graph, Ops tf, List<Operand<TFloat32>> outputs,
                                        Operand<TFloat32> z, Operand<TFloat32> real, GanModel model) {
        try (Session s = new Session(graph);
             TFloat32 zT = TFloat32.tensorOf(z.shape(), DataBuffers.of(random(z.shape().size(), 1)));
             TFloat32 rT = TFloat32.tensorOf(real.shape(), DataBuffers.of(random(real.shape().size(), 2)))) {
            s.initialize();
            Session.Runner runner = s.runner().feed(z, zT).feed(real, rT);
            outputs.forEach(o -> runner.fetch(tf.identity(o)));   // a fed placeholder cannot be fetched
            List<Shape> shapes = new ArrayList<>();
            try (Result r = runner.run()) {
                for (int i = 0; i < outputs.size(); i++) {
                    shapes.add(r.get(i).shape());
                }
            }
            return shapes;
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelType.class, names = {"LAPGAN", "DDGAN_UPSAMPLING", "DDGAN_DECONVOLUTION"})
    void everyScaleHasItsShapeInGenerationAndInBothViews(ModelType type) {
        for (LevelTraining training : LevelTraining.values()) {
            try (Graph graph = new Graph()) {
                Ops tf = Ops.create(graph);
                GanModel model = GanModels.create(tf, config(type, training), 32, 7);
                assertEquals(List.of(8, 16, 32), model.scales());
                assertEquals(32, model.resolution());
                var z = tf.placeholder(TFloat32.class,
                        org.tensorflow.op.core.Placeholder.shape(Shape.of(BATCH, model.noiseSize())));
                var real = tf.placeholder(TFloat32.class,
                        org.tensorflow.op.core.Placeholder.shape(Shape.of(BATCH, 32, 32, 3)));
                List<Operand<TFloat32>> all = new ArrayList<>(model.generate(z));
                all.addAll(model.realViews(real));
                all.addAll(model.fakeViews(model.generate(z), z, real));
                for (int k = 0; k < 3; k++) {
                    all.add(model.discriminate(k, model.realViews(real).get(k)));
                }
                List<Shape> shapes = shapesOf(graph, tf, all, z, real, model);
                for (int group = 0; group < 3; group++) {
                    for (int k = 0; k < 3; k++) {
                        int side = 8 << k;
                        assertEquals(Shape.of(BATCH, side, side, 3), shapes.get(group * 3 + k),
                                type + " " + training + " output " + group + " scale " + k);
                    }
                }
                for (int k = 0; k < 3; k++) {
                    assertEquals(Shape.of(BATCH, 1), shapes.get(9 + k));
                }
            }
        }
    }

    @Test
    void lapganNoiseIsZ0PlusOnePlanePerHigherLevel() {
        try (Graph graph = new Graph()) {
            GanModel lapgan = GanModels.create(Ops.create(graph), config(ModelType.LAPGAN, LevelTraining.END_TO_END),
                    32, 7);
            assertEquals(8 + 16 * 16 + 32 * 32, lapgan.noiseSize());
            GanModel ddgan = GanModels.create(Ops.create(graph),
                    new ModelConfig("d", ModelType.DDGAN_UPSAMPLING, 8, 4), 32, 7);
            assertEquals(8, ddgan.noiseSize(), "DDGAN: a single source of noise");
        }
    }

    /** Real residuals of a batch; the image is given at 16 px, the residual views are compared. */
    private static float[] realResidual(float[] image, Upsampling up) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            GanModel lapgan = GanModels.create(tf, new ModelConfig("l", ModelType.LAPGAN, 8, 4,
                    new PyramidConfig(2, 2, 4, up, LevelTraining.END_TO_END)), 16, 1);
            Operand<TFloat32> real = tf.constant(Shape.of(1, 16, 16, 3), DataBuffers.of(image));
            Operand<TFloat32> residual = lapgan.realViews(real).get(1);
            try (Session s = new Session(graph); Result r = s.runner().fetch(residual).run()) {
                float[] out = new float[16 * 16 * 3];
                ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
                return out;
            }
        }
    }

    private static float maxAbs(float[] x) {
        float m = 0;
        for (float v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @Test
    void realResidualOfAnImageConstantAtTheCoarseScaleIsZero() {
        float[] constant = new float[16 * 16 * 3];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = new float[] {0.6f, -0.2f, 0.1f}[i % 3];
        }
        for (Upsampling up : Upsampling.values()) {
            assertTrue(maxAbs(realResidual(constant, up)) < 1e-6, up + ": constant image");
        }
        // 2x2 blocks: constant within each coarse pixel, so nearest up of the 2x2 mean restores it
        float[] blocks = new float[16 * 16 * 3];
        Random r = new Random(3);
        float[] coarse = new float[8 * 8 * 3];
        for (int i = 0; i < coarse.length; i++) {
            coarse[i] = r.nextFloat() * 2 - 1;
        }
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                for (int c = 0; c < 3; c++) {
                    blocks[(y * 16 + x) * 3 + c] = coarse[((y / 2) * 8 + x / 2) * 3 + c];
                }
            }
        }
        assertTrue(maxAbs(realResidual(blocks, Upsampling.NEAREST)) < 1e-6, "blocky image, nearest up");
        // and a residual that must not vanish: bilinear up of the block means differs from the blocks
        assertTrue(maxAbs(realResidual(blocks, Upsampling.BILINEAR)) > 0.05, "the residual is not trivially zero");
    }

    private static List<String> generatorVariables(ModelType type) {
        try (Graph graph = new Graph()) {
            GanModel m = GanModels.create(Ops.create(graph), config(type, LevelTraining.END_TO_END), 32, 1);
            return m.generatorParameters().variables().stream().map(Variable::op).map(op -> op.name()).toList();
        }
    }

    @Test
    void onlyTheDeconvolutionVariantHasLearnedUpPathVariables() {
        List<String> deconv = generatorVariables(ModelType.DDGAN_DECONVOLUTION);
        List<String> up = generatorVariables(ModelType.DDGAN_UPSAMPLING);
        List<String> learnedUp = deconv.stream().filter(n -> n.matches(".*/l[12]_up_[wb]$")).toList();
        assertEquals(4, learnedUp.size(), "a filter and a bias per higher level: " + deconv);
        assertFalse(up.stream().anyMatch(n -> n.contains("_up_")), "upsampling variant: " + up);
        assertEquals(deconv.size() - 4, up.size());
    }

    /** Trainable parameters {generator, generator plus discriminators}, without running anything. */
    private static long[] parameters(ModelConfig config, int resolution) {
        try (Graph graph = new Graph()) {
            GanModel m = GanModels.create(Ops.create(graph), config, resolution, 1);
            long g = m.generatorParameters().count();
            return new long[] {g, g + m.discriminatorParameters().count()};
        }
    }

    private static double gap(long a, long b) {
        return Math.abs(a - b) / (double) Math.max(a, b);
    }

    @Test
    void lapganAndDdganAreWithinFivePercentInParametersAtThePapersSettings() {
        Path project = Path.of("").toAbsolutePath().getParent();
        Experiment paper = ExperimentLoader.load(Path.of("experiments/table1-paper.yaml"), project, Map.of(),
                Map.of("ISIC2017_DIR", "/data/isic2017"));
        assertEquals(256, paper.data().resolution());
        Map<ModelType, long[]> counts = new EnumMap<>(ModelType.class);
        for (ModelConfig m : paper.models()) {
            counts.put(m.type(), parameters(m, 256));
        }
        assertEquals(4, counts.size(), "all four models: " + counts.keySet());
        long[] lapgan = counts.get(ModelType.LAPGAN);
        for (ModelType ddgan : List.of(ModelType.DDGAN_UPSAMPLING, ModelType.DDGAN_DECONVOLUTION)) {
            long[] d = counts.get(ddgan);
            System.out.printf("table1-paper: %s generator %,d vs lapgan %,d (%.4f%%); with discriminators %,d vs %,d"
                    + " (%.4f%%)%n", ddgan, d[0], lapgan[0], 100 * gap(d[0], lapgan[0]), d[1], lapgan[1],
                    100 * gap(d[1], lapgan[1]));
            // the generators alone: the discriminators are identical by construction
            assertTrue(gap(d[0], lapgan[0]) <= 0.05, ddgan + " generator " + d[0] + " vs LAPGAN " + lapgan[0]);
            assertTrue(gap(d[1], lapgan[1]) <= 0.05, ddgan + " total " + d[1] + " vs LAPGAN " + lapgan[1]);
        }
        assertTrue(counts.get(ModelType.DDGAN_DECONVOLUTION)[0] > counts.get(ModelType.DDGAN_UPSAMPLING)[0],
                "the learned upsampling adds parameters");
    }
}
