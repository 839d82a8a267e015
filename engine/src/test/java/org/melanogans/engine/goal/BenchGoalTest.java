package org.melanogans.engine.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Defaults;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.tf.StepTrace;
import org.melanogans.engine.train.TrainingGraph;

/** gan:bench times a GAN or the use-case classifier and refuses what neither can take. */
class BenchGoalTest {
    private static EngineRequest.Bench bench(TestProject project, String model, int resolution, Integer batch) {
        return new EngineRequest.Bench(project.project(null, null), model, resolution, 2, 1, batch, null, null, null,
                null, false, Path.of("bench.jsonl"), null);
    }

    @Test
    void theClassifierIsTimedAsThePeerTimesIt(@TempDir Path dir) throws Exception {
        TestProject project = new TestProject(dir);
        project.engine().bench(bench(project, "ResNet18", 32, 4));
        JsonNode line = Json.LENIENT.readTree(Files.readAllLines(dir.resolve("bench.jsonl")).get(0));
        assertEquals("resnet18", line.path("model").asText());
        assertEquals(11_178_051, line.path("parameters").asLong(), "torchvision's ResNet-18 at 3 classes");
        assertEquals(2, line.path("steps").asInt());
        assertEquals(4, line.path("batch").asInt());
        assertTrue(line.path("images_per_second").asDouble() > 0);
    }

    @Test
    void aTraceSaysWhichOpsTheStepSpendsItsTimeIn(@TempDir Path dir) throws Exception {
        TestProject project = new TestProject(dir);
        project.engine().bench(new EngineRequest.Bench(project.project(null, null), "dcgan", 16, 2, 1, 4, null, null,
                8, null, false, null, Path.of("trace.json")));
        JsonNode trace = Json.LENIENT.readTree(dir.resolve("trace.json").toFile()).path("trace");
        assertEquals(StepTrace.STEPS, trace.path("steps").asInt());
        Map<String, Double> runs = new HashMap<>();
        trace.path("ops").forEach(op -> runs.put(op.path("op").asText(), op.path("runs").asDouble()));
        // a training step updates every trainable variable once: ApplyAdam runs as often as there are variables
        ModelConfig dcgan = new ModelConfig("dcgan", ModelType.DCGAN, Defaults.Z_DIM, 8);
        TrainConfig train = new TrainConfig(1, 4, Defaults.LEARNING_RATE, Defaults.BETA1, Defaults.BETA2,
                Defaults.LOG_EVERY, 2, 2, false);
        try (TrainingGraph graph = new TrainingGraph(dcgan, train, 16, 1)) {
            int variables = graph.model().generatorParameters().variables().size()
                    + graph.model().discriminatorParameters().variables().size();
            assertEquals(variables, runs.get("ApplyAdam"), 1e-9, trace.toString());
        }
        assertTrue(runs.keySet().stream().anyMatch(op -> op.contains("Conv2DBackpropFilter")), runs.toString());
        assertTrue(trace.path("wall_ms_per_step").asDouble() > 0);
        assertTrue(trace.path("op_ms_per_step").asDouble() > 0);
    }

    @Test
    void unknownModelsAndSidesAreOneLine(@TempDir Path dir) {
        TestProject project = new TestProject(dir);
        assertEquals("gan.model: unknown model 'resnet34'; allowed: [dcgan, lapgan, ddgan-upsampling, "
                + "ddgan-deconvolution] or resnet18, resnet50", assertThrows(UserException.class,
                () -> project.engine().bench(bench(project, "resnet34", 32, 4))).getMessage());
        assertEquals("gan.resolution: 16 is not allowed; give 32 or more for the classifier",
                assertThrows(UserException.class,
                        () -> project.engine().bench(bench(project, "resnet18", 16, 4))).getMessage());
        assertEquals("gan.batch: 1 is not allowed; give 2 or more for the classifier (batch norm)",
                assertThrows(UserException.class,
                        () -> project.engine().bench(bench(project, "resnet50", 32, 1))).getMessage());
        assertEquals("gan.resolution: 48 is not allowed; give a power of two >= 16",
                assertThrows(UserException.class,
                        () -> project.engine().bench(bench(project, "dcgan", 48, 4))).getMessage());
    }
}
