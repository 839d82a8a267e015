package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.UserException;

/**
 * The use-case stage end to end on procedural lesions, tiny: two seeds, B_Full, B_Imb and B_Imb
 * restored by one GAN trained on the retained melanoma only. A stage that fails half-way keeps
 * what it finished, and the next attempt picks up from there.
 */
class UsecaseStageTest {
    private static final String YAML = """
            name: table2-tiny
            data:
              format: generated
              resolution: 64
              generated: {count: 400, size: 64}
            train:
              epochs: 1
              batch: 4
            models:
              - name: flat
                type: dcgan
                base_channels: 4
            sample:
              count: 16
              grid: 2
            usecase:
              pool: retained
              gans: [flat]
              seeds: [1, 2]
              retained_melanoma: 10
              gan_steps: 12
              classifier: {depth: 18, resolution: 32, epochs: 1, batch: 16}
            """;

    @Test
    void restoresTheClassCountsKeepsItsSamplesAndResumesAfterAFailure(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("t.yaml"), YAML);
        List<String> lines = new ArrayList<>();
        Path run = project.resolve("reports/table2-tiny/run-0001").toAbsolutePath();
        EngineLog log = new EngineLog() {
            @Override
            public void info(String message) {
                lines.add(message);
                System.out.println(message);
                if (message.startsWith("Starting run-0001")) {
                    // seed 2 cannot write its synthetic melanoma: the stage fails, seed 1's classifiers are kept
                    try {
                        Files.createDirectories(run.resolve("usecase").resolve("seed-2"));
                        Files.writeString(run.resolve("usecase").resolve("seed-2").resolve("synthetic"), "not a folder");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void warn(String message) {
                info(message);
            }

            @Override
            public void debug(String message) {
            }
        };
        TestProject p = new TestProject(project);
        GanEngine engine = new GanEngine(log);
        EngineRequest.Train train = new EngineRequest.Train(p.project("t.yaml", null), false, false, List.of());
        UserException failure = assertThrows(UserException.class, () -> engine.train(train));
        assertTrue(failure.getMessage().startsWith("usecase failed: I/O error"), failure.getMessage());
        JsonNode failed = new ObjectMapper().readTree(run.resolve("metrics.json").toFile()).path("usecase");
        assertEquals("failed", failed.path("status").asText());
        assertTrue(Files.isRegularFile(run.resolve("usecase/seed-1/b-imb+flat.json")));
        assertTrue(Files.isRegularFile(run.resolve("usecase/seed-2/b-imb.json")), "seed 2's first sets are kept");
        assertTrue(Files.isDirectory(run.resolve("usecase/seed-2/gans/flat/checkpoints")), "and its GAN");
        assertFalse(Files.exists(run.resolve("models")), "a use-case GAN is not trained on the whole data set");

        Files.delete(run.resolve("usecase").resolve("seed-2").resolve("synthetic"));
        lines.clear();
        engine.train(train);
        Path metrics = run.resolve("metrics.json");
        assertEquals(5, lines.stream().filter(l -> l.contains("finished before")).count(), String.join("\n", lines));
        assertTrue(lines.contains("flat (usecase seed 2): resuming at step 12 of 12"), "its GAN resumed, not retrained");

        JsonNode usecase = new ObjectMapper().readTree(metrics.toFile()).path("usecase");
        assertEquals("completed", usecase.path("status").asText());
        assertEquals("retained", usecase.path("pool").asText());
        assertFalse(usecase.path("validation_leaks").asBoolean());
        assertEquals("none (trained from scratch)", usecase.path("weights").asText());
        assertEquals(List.of("b-full", "b-imb", "b-imb+flat"), names(usecase.path("sets")));
        // generated 400 in ISIC proportions: 274 nevus, 51 keratosis, 75 melanoma; 60% train per class
        for (JsonNode run1 : usecase.path("sets").path("b-full").path("runs")) {
            assertEquals(Map.of("nevus", 164, "seborrheic_keratosis", 31, "melanoma", 45), counts(run1));
        }
        for (int i = 0; i < 2; i++) {
            JsonNode full = usecase.path("sets").path("b-full").path("runs").get(i);
            JsonNode imbalanced = usecase.path("sets").path("b-imb").path("runs").get(i);
            JsonNode restored = usecase.path("sets").path("b-imb+flat").path("runs").get(i);
            assertEquals(10, counts(imbalanced).get("melanoma"), "B_Imb keeps exactly the retained melanoma");
            assertEquals(counts(full), counts(restored), "restoration gives back B_Full's class counts exactly");
            assertEquals(35, restored.path("synthetic").asInt());
            assertEquals(10, restored.path("gan").path("pool_images").asInt(), "the retained pool: 10 images");
            assertEquals(i + 1, restored.path("seed").asInt());
            assertEquals(160, full.path("validation").path("images").asInt(), "the 40% of every class");
            Path samples = run.resolve(restored.path("gan").path("samples").asText());
            try (Stream<Path> pngs = Files.list(samples)) {
                assertEquals(35, pngs.filter(f -> f.toString().endsWith(".png")).count(), samples.toString());
            }
        }
        JsonNode summary = usecase.path("sets").path("b-imb+flat").path("summary").path("validation_accuracy");
        double a = usecase.path("sets").path("b-imb+flat").path("runs").get(0).path("validation").path("accuracy")
                .asDouble();
        double b = usecase.path("sets").path("b-imb+flat").path("runs").get(1).path("validation").path("accuracy")
                .asDouble();
        assertEquals((a + b) / 2, summary.path("mean").asDouble(), 1e-12);
        // two seeds: t(0.975, 1) = 12.706, s / sqrt(2) = |a - b| / 2
        assertEquals(12.706 * Math.abs(a - b) / 2, summary.path("ci95").asDouble(), 1e-3 * Math.abs(a - b) + 1e-12);
        assertNotNull(usecase.path("sets").path("b-full").path("summary").get("validation_melanoma_auc"));
        assertTrue(Files.exists(run.resolve("COMPLETE")));
    }

    @Test
    void aMissingWeightsFileOrAMissingClassStopsTheStageBeforeAnyTraining(@TempDir Path project) throws Exception {
        String weights = YAML.replace("classifier: {depth: 18,", "classifier: {depth: 50, weights: w/notop.h5,");
        Files.writeString(project.resolve("w.yaml"), weights);
        TestProject p = new TestProject(project);
        UserException missing = assertThrows(UserException.class, () -> p.train("w.yaml", null));
        assertTrue(missing.getMessage().endsWith(project.resolve("w.yaml") + ": usecase.classifier.weights: "
                + project.resolve("w/notop.h5") + " not found; put the Keras ResNet-50 notop ImageNet weights file "
                + "there, or remove the key to train from scratch"), missing.getMessage());
        assertFalse(Files.exists(project.resolve("reports/table2-tiny/run-0001/usecase")), "nothing trained");

        UserException subset = assertThrows(UserException.class, () -> p.train("w.yaml", null, "flat"));
        assertEquals(project.resolve("w.yaml") + ": flat trains only inside the use-case stage (usecase.gans); run "
                + "without -Dgan.models to run the stage", subset.getMessage());

        // 75 generated melanoma, 45 of them training: keeping 45 leaves nothing to restore
        Files.writeString(project.resolve("r.yaml"), YAML.replace("retained_melanoma: 10", "retained_melanoma: 45"));
        assertEquals(project.resolve("r.yaml") + ": usecase.retained_melanoma: keeping 45 leaves none of the training"
                + " split's 45 melanoma to restore with synthetic ones; keep fewer than 45",
                assertThrows(UserException.class, () -> p.trainFresh("r.yaml", null)).getMessage());

        Files.writeString(project.resolve("c.yaml"), YAML.replace("resolution: 64",
                "resolution: 64\n  classes: [nevus, melanoma]"));
        UserException noKeratosis = assertThrows(UserException.class, () -> p.trainFresh("c.yaml", null));
        assertTrue(noKeratosis.getMessage().endsWith(project.resolve("c.yaml") + ": usecase classifies all three "
                + "diagnoses, but the data holds no seborrheic_keratosis images; list all three under data.classes"),
                noKeratosis.getMessage());
    }

    private static Map<String, Integer> counts(JsonNode seedRun) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        seedRun.path("training_images").properties().forEach(p -> counts.put(p.getKey(), p.getValue().asInt()));
        return counts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
