package org.melanogans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.experiment.Experiment;

/** gan:train leaves Allure results in the run: one per paper value, with the side files Allure reads. */
class RunReportTest {
    @Test
    void aTrainedRunCarriesItsComparisonsAndAllureSideFiles(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("r.yaml"), """
                name: r
                data: {format: generated, resolution: 16, generated: {count: 24, size: 32}}
                train: {epochs: 1, batch: 4}
                models:
                  - {name: flat, type: dcgan, base_channels: 4}
                sample: {count: 16, grid: 2}
                report:
                  paper:
                    models:
                      flat: {emd: 0.0082, js_divergence: 0.0046}
                """);
        GanEngine engine = new GanEngine(project, project.resolve("reports"), EngineLog.STDOUT);
        Experiment e = engine.loadExperiment(project.resolve("r.yaml"), Map.of(), Map.of());
        Path run = engine.train(e, false, List.of()).getParent();
        Path results = run.resolve(RunReport.RESULTS);
        List<JsonNode> tests;
        try (Stream<Path> s = Files.list(results)) {
            ObjectMapper json = new ObjectMapper();
            tests = s.filter(f -> f.toString().endsWith("-result.json")).map(f -> {
                try {
                    return json.readTree(f.toFile());
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).toList();
        }
        assertEquals(2, tests.size());
        for (JsonNode t : tests) {
            // one epoch of a 4-channel DCGAN is nowhere near the paper: outside its band, not broken
            assertEquals("failed", t.path("status").asText(), t.toString());
            assertEquals(6, t.path("attachments").size(), "grid, histograms, losses, EMD curve, metrics.json and plan.yaml: " + t);
            for (JsonNode a : t.path("attachments")) {
                assertTrue(Files.size(results.resolve(a.path("source").asText())) > 0);
            }
        }
        String env = Files.readString(results.resolve("environment.properties"));
        assertTrue(env.contains("TensorFlow=1.1.0") && env.contains("Seed=42") && env.contains("Dataset.sha256="), env);
        assertEquals("gan-maven-plugin", new ObjectMapper().readTree(results.resolve("executor.json").toFile())
                .path("name").asText());
        assertEquals(5, new ObjectMapper().readTree(results.resolve("categories.json").toFile()).size());
    }
}
