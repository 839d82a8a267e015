package org.melanogans.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.melanogans.engine.checkpoint.Untrained;
import org.melanogans.engine.UserException;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.Augmentation;
import org.melanogans.engine.experiment.LevelTraining;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.PyramidConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.experiment.Upsampling;

class TrainerTest {
    static final ModelConfig MODEL = new ModelConfig("dcgan", ModelType.DCGAN, 8, 8);
    static final TrainConfig TRAIN = new TrainConfig(2, 4, 2e-4, 0.5, 0.999, 5, 2, 2, false);

    /** 40 random 16 px images. */
    static ImageSet tinyData() {
        int n = 40;
        byte[] pixels = new byte[n * 16 * 16 * 3];
        new Random(5).nextBytes(pixels);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("img" + i);
        }
        return new ImageSet(ids, null, 16, pixels, "sha-tiny", List.of());
    }

    static void noWarning(String warning) {
        throw new AssertionError("no checkpoint is damaged here: " + warning);
    }

    /** Trains {@code train} into {@code store} and stops it (as a kill would) when step {@code crashAt} is done. */
    static void trainUntilKilled(TrainConfig train, CheckpointStore store, long crashAt) {
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.step() == crashAt) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        try (TrainingGraph g = new TrainingGraph(MODEL, train, 16, 7)) {
            Trainer t = new Trainer("dcgan", g, tinyData(), train, 7, store, "plan", List.of(crash), 1);
            assertThrows(IllegalStateException.class, () -> t.run(() -> new Untrained(0.5, null)));
        }
    }

    /** Cuts a checkpoint's variables data file in half, as a full disk or an interrupted copy would. */
    static void truncateVariables(Path checkpoint) throws java.io.IOException {
        try (var files = Files.list(checkpoint)) {
            Path data = files.filter(f -> f.getFileName().toString().startsWith("variables.data")).findFirst()
                    .orElseThrow();
            byte[] bytes = Files.readAllBytes(data);
            Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
    }

    static float[] fixedSamples(TrainingGraph g) {
        float[] z = new float[4 * g.model().noiseSize()];
        NoiseSource.fill(z, 99, 0);
        return g.generate(z);
    }

    /** DCGAN and the two pyramid families (two levels, 8 -> 16 px); one with differentiable augmentation. */
    static List<ModelConfig> resumableModels() {
        PyramidConfig pyramid = new PyramidConfig(2, 2, 4, Upsampling.BILINEAR, LevelTraining.END_TO_END);
        return List.of(MODEL, new ModelConfig("lapgan", ModelType.LAPGAN, 8, 4, pyramid),
                new ModelConfig("ddgan", ModelType.DDGAN_DECONVOLUTION, 8, 4, pyramid),
                new ModelConfig("ddgan", ModelType.DDGAN_UPSAMPLING, 8, 4, pyramid, EnumSet.allOf(Augmentation.class)));
    }

    @ParameterizedTest
    @MethodSource("resumableModels")
    void resumedRunEqualsUninterruptedRun(ModelConfig model, @TempDir Path dir) {
        ImageSet data = tinyData();
        float[] uninterrupted;
        try (TrainingGraph g = new TrainingGraph(model, TRAIN, 16, 7)) {
            TrainingResult r = new Trainer("dcgan", g, data, TRAIN, 7, new CheckpointStore(dir.resolve("a"), TrainerTest::noWarning),
                    "plan", List.of(), 1).run(() -> new Untrained(0.5, null));
            assertEquals(20, r.steps());
            assertEquals(2, r.epochs());
            uninterrupted = fixedSamples(g);
        }
        // crash three steps into the second epoch, after the epoch-1 checkpoint
        TrainingListener crash = new TrainingListener() {
            @Override
            public void onStep(StepEvent e) {
                if (e.step() == 13) {
                    throw new IllegalStateException("simulated kill");
                }
            }
        };
        CheckpointStore store = new CheckpointStore(dir.resolve("b"), TrainerTest::noWarning);
        try (TrainingGraph g = new TrainingGraph(model, TRAIN, 16, 7)) {
            Trainer t = new Trainer("dcgan", g, data, TRAIN, 7, store, "plan", List.of(crash), 1);
            assertThrows(IllegalStateException.class, () -> t.run(() -> new Untrained(0.5, null)));
        }
        assertEquals(10, store.latest().orElseThrow().state().step());
        List<Long> starts = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onStart(String model, long startStep, long totalSteps, int batch) {
                starts.add(startStep);
            }
        };
        float[] resumed;
        try (TrainingGraph g = new TrainingGraph(model, TRAIN, 16, 7)) {
            TrainingResult r = new Trainer("dcgan", g, data, TRAIN, 7, store, "plan", List.of(record), 1)
                    .run(() -> {
                        throw new AssertionError("untrained EMD must come from the checkpoint on resume");
                    });
            assertEquals(20, r.steps());
            assertEquals(0.5, r.untrainedEmd());
            resumed = fixedSamples(g);
        }
        assertEquals(List.of(10L), starts);
        assertArrayEquals(uninterrupted, resumed, "bit-identical: data order, noise and Adam state are all restored");
    }

    @Test
    void refusesACheckpointOfAnotherPlan(@TempDir Path dir) {
        ImageSet data = tinyData();
        TrainConfig oneEpoch = new TrainConfig(1, 4, 2e-4, 0.5, 0.999, 5, 2, 2, false);
        CheckpointStore store = new CheckpointStore(dir, TrainerTest::noWarning);
        try (TrainingGraph g = new TrainingGraph(MODEL, oneEpoch, 16, 7)) {
            new Trainer("dcgan", g, data, oneEpoch, 7, store, "plan-a", List.of(), 1).run(() -> new Untrained(0, null));
        }
        try (TrainingGraph g = new TrainingGraph(MODEL, oneEpoch, 16, 7)) {
            UserException e = assertThrows(UserException.class,
                    () -> new Trainer("dcgan", g, data, oneEpoch, 7, store, "plan-b", List.of(), 1).run(() -> new Untrained(0, null)));
            assertTrue(e.getMessage().contains("-Dgan.fresh"), e.getMessage());
        }
    }

    @Test
    void divergenceStopsWithAClearMessageAndKeepsTheLastCheckpoint(@TempDir Path dir) {
        ImageSet data = tinyData();
        // a learning rate this large blows the weights up within a few epochs
        TrainConfig wild = new TrainConfig(30, 4, 1e6, 0.5, 0.999, 5, 2, 2, false);
        CheckpointStore store = new CheckpointStore(dir, TrainerTest::noWarning);
        try (TrainingGraph g = new TrainingGraph(MODEL, wild, 16, 7)) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> new Trainer("dcgan", g, data, wild, 7, store, "plan", List.of(), 1).run(() -> new Untrained(0, null)));
            assertTrue(e.getMessage().contains("diverged at step"), e.getMessage());
        }
        store.latest().ifPresent(c -> assertTrue(Files.isRegularFile(c.directory().resolve("state.json"))));
    }

    @Test
    void aDamagedNewestCheckpointIsPassedOverAndTheRunFinishesAsIfUninterrupted(@TempDir Path dir) throws Exception {
        TrainConfig threeEpochs = new TrainConfig(3, 4, 2e-4, 0.5, 0.999, 5, 2, 2, false);
        float[] uninterrupted;
        try (TrainingGraph g = new TrainingGraph(MODEL, threeEpochs, 16, 7)) {
            new Trainer("dcgan", g, tinyData(), threeEpochs, 7, new CheckpointStore(dir.resolve("a"),
                    TrainerTest::noWarning), "plan", List.of(), 1).run(() -> new Untrained(0.5, null));
            uninterrupted = fixedSamples(g);
        }
        List<String> warnings = new ArrayList<>();
        CheckpointStore store = new CheckpointStore(dir.resolve("b"), warnings::add);
        trainUntilKilled(threeEpochs, store, 23);   // checkpoints after steps 10 and 20
        truncateVariables(dir.resolve("b").resolve("step-00000020"));
        List<Long> starts = new ArrayList<>();
        float[] resumed;
        try (TrainingGraph g = new TrainingGraph(MODEL, threeEpochs, 16, 7)) {
            TrainingResult r = new Trainer("dcgan", g, tinyData(), threeEpochs, 7, store, "plan",
                    List.of(new TrainingListener() {
                        @Override
                        public void onStart(String model, long startStep, long totalSteps, int batch) {
                            starts.add(startStep);
                        }
                    }), 1).run(() -> new Untrained(0.5, null));
            assertEquals(30, r.steps());
            resumed = fixedSamples(g);
        }
        assertEquals(List.of(10L), starts, "resumed from the checkpoint before the damaged one");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("step-00000020 is damaged (variables.data-00000-of-00001 does not match"
                + " its checksum); resuming from the checkpoint before it, step-00000010"), warnings.get(0));
        assertArrayEquals(uninterrupted, resumed, "the replayed epoch gives the same model");
        assertEquals(30, store.latest().orElseThrow().state().step(), "the damaged checkpoint is replaced");
    }

    @Test
    void aDamagedOnlyCheckpointFailsInOneLineNamingItAndTheWayOut(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir, TrainerTest::noWarning);
        trainUntilKilled(TRAIN, store, 13);   // one checkpoint, after step 10
        truncateVariables(dir.resolve("step-00000010"));
        try (TrainingGraph g = new TrainingGraph(MODEL, TRAIN, 16, 7)) {
            UserException e = assertThrows(UserException.class, () -> new Trainer("dcgan", g, tinyData(), TRAIN, 7,
                    store, "plan", List.of(), 1).run(() -> new Untrained(0.5, null)));
            assertEquals(dir.resolve("step-00000010") + " is damaged (variables.data-00000-of-00001 does not match its"
                    + " checksum), and no intact checkpoint is left to resume from; start the run again with"
                    + " -Dgan.fresh", e.getMessage());
        }
    }

    @Test
    void aDamagedCheckpointWithoutChecksumsFailsInOneLineWithoutTensorFlowText(@TempDir Path dir) throws Exception {
        CheckpointStore store = new CheckpointStore(dir, TrainerTest::noWarning);
        trainUntilKilled(TRAIN, store, 13);
        Path checkpoint = dir.resolve("step-00000010");
        // as written before checksums were kept
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var state = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(checkpoint.resolve("state.json").toFile());
        state.remove("sha256");
        json.writeValue(checkpoint.resolve("state.json").toFile(), state);
        truncateVariables(checkpoint);
        try (TrainingGraph g = new TrainingGraph(MODEL, TRAIN, 16, 7)) {
            UserException e = assertThrows(UserException.class, () -> new Trainer("dcgan", g, tinyData(), TRAIN, 7,
                    store, "plan", List.of(), 1).run(() -> new Untrained(0.5, null)));
            assertTrue(e.getMessage().startsWith(checkpoint + " cannot be restored"), e.getMessage());
            assertTrue(e.getMessage().contains("-Dgan.fresh"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("Exception")
                    && !e.getMessage().contains("node save"), e.getMessage());
        }
    }
}
