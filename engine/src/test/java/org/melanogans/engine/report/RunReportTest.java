package org.melanogans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gan:train leaves Allure results in the run: one per paper value, with the side files Allure reads. */
class RunReportTest {
    @Test
    void aTrainedRunCarriesItsComparisonsAndAllureSideFiles(@TempDir Path project) throws Exception {
        Path results = TinyRun.train(project).run().allureResults();
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
            // one epoch of a 4-channel DCGAN is nowhere near the paper: outside its band, which is
            // Allure's "unknown" (no status), neither broken nor the red of a regression
            assertTrue(t.path("status").isMissingNode(), t.toString());
            // grid, histograms, SWD per level, nearest neighbours, losses, EMD curve, EMD, JS, SWD,
            // MS-SSIM and copies trends (this run's history line included), metrics.json, plan.yaml
            assertEquals(13, t.path("attachments").size(), t.toString());
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
