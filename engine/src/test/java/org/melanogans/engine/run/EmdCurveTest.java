package org.melanogans.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.checkpoint.Untrained;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.train.Trainer;
import org.melanogans.engine.train.TrainingGraph;
import org.melanogans.engine.train.TrainingListener;

/** The learning curve survives a run stopped between saving a checkpoint and scoring it. */
class EmdCurveTest {
    private static final ModelConfig MODEL = new ModelConfig("dcgan", ModelType.DCGAN, 8, 8);
    private static final TrainConfig TRAIN = new TrainConfig(3, 4, 2e-4, 0.5, 0.999, 5, 2, 2, false);

    private static ImageSet data() {
        byte[] pixels = new byte[40 * 16 * 16 * 3];
        new Random(5).nextBytes(pixels);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add("img" + i);
        }
        return new ImageSet(ids, null, 16, pixels, "sha-tiny", List.of());
    }

    private static List<String> curve(Path dir, TrainingListener before) throws Exception {
        ImageSet data = data();
        Path file = dir.resolve("emd.jsonl");
        try (TrainingGraph graph = new TrainingGraph(MODEL, TRAIN, 16, 7)) {
            List<TrainingListener> listeners = new ArrayList<>();
            if (before != null) {
                listeners.add(before);
            }
            listeners.add(new EmdCurve(graph, ColorHistogram.of(data), 7, file, EngineLog.STDOUT));
            new Trainer("dcgan", graph, data, TRAIN, 7, new CheckpointStore(dir.resolve("checkpoints"), w -> { }), "plan",
                    listeners, 1).run(() -> new Untrained(0.5, null));
        }
        return Files.readAllLines(file);
    }

    @Test
    void aPointLostToAStopIsScoredOnResumeAsItWouldHaveBeen(@TempDir Path dir) throws Exception {
        List<String> uninterrupted = curve(dir.resolve("a"), null);
        assertEquals(3, uninterrupted.size());
        TrainingListener stop = new TrainingListener() {
            @Override
            public void onCheckpoint(String model, long step, Path directory) {
                if (step == 20) {
                    throw new IllegalStateException("stopped after saving step 20, before scoring it");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> curve(dir.resolve("b"), stop));
        assertEquals(1, Files.readAllLines(dir.resolve("b/emd.jsonl")).size(), "step 20's point was lost");
        assertEquals(uninterrupted, curve(dir.resolve("b"), null));
    }
}
