package org.melanogans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineRequest;

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
        EngineRequest.Report request = new EngineRequest.Report(run.project().project("r.yaml", null), "latest", zip, false);
        run.project().engine().report(request);
        Path report = run.project().folder("r").allureReport();
        assertTrue(Files.size(report.resolve("index.html")) > 0);
        JsonNode summary = new ObjectMapper().readTree(report.resolve("widgets").resolve("summary.json").toFile());
        assertEquals(2, summary.path("statistic").path("total").asInt(), summary.toString());
        assertEquals(2, summary.path("statistic").path("unknown").asInt(), "one epoch is far from the paper: " + summary);
        assertEquals(0, summary.path("statistic").path("failed").asInt(), "a deviation is not a regression");

        run.project().engine().report(request);
        JsonNode trend = new ObjectMapper().readTree(report.resolve("widgets").resolve("history-trend.json").toFile());
        assertEquals(2, trend.size(), "the second report carries the first one's history: " + trend);
    }

    @Test
    void aSingleFileReportHoldsEverythingInItsIndexHtml(@TempDir Path project) throws Exception {
        Path zip = Path.of(System.getProperty("allure.commandline.zip"));
        TinyRun run = TinyRun.train(project);
        run.project().engine().report(new EngineRequest.Report(run.project().project("r.yaml", null), "latest", zip,
                true));
        Path report = run.project().folder("r").allureReport();
        assertTrue(!Files.exists(report.resolve("data")), "no data folder that file:// could not load");
        String html = Files.readString(report.resolve("index.html"));
        // Allure 2.32 inlines every data file as d('data/...', base64): test cases and attachments
        assertEquals(2, html.split("d\\('data/test-cases/", -1).length - 1, "both comparisons are inside the page");
        assertTrue(html.contains("d('data/attachments/"), "and their pictures");
    }
}
