package org.melanogans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
        TinyRun run = TinyRun.train(project);
        GanEngine engine = run.engine();
        Experiment e = run.experiment();
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
