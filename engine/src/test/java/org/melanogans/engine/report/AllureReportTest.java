package org.melanogans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.experiment.Experiment;

/**
 * gan:report's engine side with the real Allure command line (resolved by Maven for the test):
 * the HTML report holds one test case per comparison, and a second report carries the first's
 * history so Allure's trend has two points.
 */
class AllureReportTest {
    @Test
    void generatesTheHtmlReportWithHistory(@TempDir Path project) throws Exception {
        Path zip = Path.of(System.getProperty("allure.commandline.zip"));
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
        engine.train(e, false, List.of());
        Path index = engine.report(e, "latest", zip);
        assertTrue(Files.size(index) > 0);
        Path report = index.getParent();
        JsonNode summary = new ObjectMapper().readTree(report.resolve("widgets").resolve("summary.json").toFile());
        assertEquals(2, summary.path("statistic").path("total").asInt(), summary.toString());
        assertEquals(2, summary.path("statistic").path("failed").asInt(), "one epoch is far from the paper");

        engine.report(e, "latest", zip);
        JsonNode trend = new ObjectMapper().readTree(report.resolve("widgets").resolve("history-trend.json").toFile());
        assertEquals(2, trend.size(), "the second report carries the first one's history: " + trend);
    }
}
