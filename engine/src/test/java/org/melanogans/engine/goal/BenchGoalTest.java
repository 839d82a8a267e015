package org.melanogans.engine.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.UserException;
import org.melanogans.engine.tf.StepTrace;

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
        double shares = 0;
        double ms = 0;
        for (JsonNode op : trace.path("ops")) {
            shares += op.path("share").asDouble();
            ms += op.path("ms_per_step").asDouble();
        }
        assertEquals(1, shares, 1e-9);
        assertEquals(trace.path("op_ms_per_step").asDouble(), ms, 1e-6);
        // the generator's 4 transposed convolutions run forward (Conv2DBackpropInput) in D's and G's passes
        assertTrue(StreamSupport.stream(trace.path("ops").spliterator(), false)
                .anyMatch(op -> op.path("op").asText().contains("Conv2DBackpropInput") && op.path("runs").asDouble() >= 4),
                trace.toString());
        assertTrue(trace.path("wall_ms_per_step").asDouble() > 0);
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
