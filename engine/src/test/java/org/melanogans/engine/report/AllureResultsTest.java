package org.melanogans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.experiment.Band;
import org.melanogans.engine.report.Comparison.Verdict;

/** The written Allure results, parsed back: one result per comparison with its status, labels, parameters and files. */
class AllureResultsTest {
    @Test
    void oneResultPerComparisonWithStatusLabelsParametersAndAttachments(@TempDir Path dir) throws Exception {
        Path grid = Files.write(dir.resolve("dcgan.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        List<Comparison> comparisons = List.of(
                new Comparison(Comparison.TABLE_1, "dcgan", "emd", 0.0164, 0.0082, 0.005, 0.12, Band.ratio(2), Verdict.REPRODUCED,
                        "inside", new Comparison.Spread(0.0021, Map.of("1", 0.015, "2", 0.0164, "3", 0.0178), 90.5)),
                new Comparison(Comparison.TABLE_1, "dcgan", "js_divergence", 0.0058, 0.0046, 0.0008, null,
                        Band.absolute(0.001),
                        Verdict.OUTSIDE_BAND, "outside", Comparison.Spread.NONE),
                new Comparison(Comparison.TABLE_1, "lapgan", "emd", null, 0.041, 0.005, null, Band.ratio(2), Verdict.STAGE_FAILED,
                        "diverged", Comparison.Spread.NONE),
                new Comparison(Comparison.TABLE_2, "b-full", "validation_accuracy", null, 0.716, null, null,
                        Band.absolute(0.05),
                        Verdict.NOT_RUN, "not run", Comparison.Spread.NONE));
        Path results = dir.resolve("allure-results");
        AllureResults.write(results, "table1-cpu", comparisons, Map.of("dcgan", List.of(grid, dir.resolve("none.png"))),
                Map.of());

        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byName = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(results)) {
            files = s.toList();
        }
        for (Path f : files) {
            if (f.getFileName().toString().endsWith("-result.json")) {
                JsonNode r = json.readTree(f.toFile());
                byName.put(r.path("name").asText(), r);
            }
        }
        assertEquals(4, byName.size(), files.toString());
        JsonNode emd = byName.get("dcgan: emd against the paper");
        assertEquals("passed", emd.path("status").asText());
        assertEquals("finished", emd.path("stage").asText());
        assertEquals(Map.of("epic", "table1-cpu", "feature", "histogram metrics", "story", "dcgan", "suite",
                "table1-cpu", "subSuite", "histogram metrics"), pairs(emd.path("labels")));
        assertEquals(Map.of("ours", "0.0164 ± 0.0021 (3 seeds)", "seed 1", "0.015", "seed 2", "0.0164", "seed 3",
                "0.0178", "paper", "0.0082", "ratio", "2", "floor (real halves)", "0.005", "ceiling (untrained)", "0.12",
                "band", "x2 (0.0041 to 0.0164)"), pairs(emd.path("parameters")));
        // the duration Allure shows is the real time of the three seeds' training, sampling and scoring
        assertEquals(90_500, emd.path("stop").asLong() - emd.path("start").asLong());
        assertEquals(1, emd.path("attachments").size(), "the missing file is not attached");
        Path attached = results.resolve(emd.path("attachments").get(0).path("source").asText());
        assertTrue(Files.size(attached) > 0);
        assertEquals("image/png", emd.path("attachments").get(0).path("type").asText());
        // a deviation from the paper is Allure's "unknown" (no status), never the red of a regression
        JsonNode deviation = byName.get("dcgan: js_divergence against the paper");
        assertTrue(deviation.path("status").isMissingNode() || deviation.path("status").isNull(), deviation.toString());
        JsonNode broken = byName.get("lapgan: emd against the paper");
        assertEquals("broken", broken.path("status").asText());
        assertEquals("diverged", broken.path("statusDetails").path("message").asText());
        assertEquals("-", pairs(broken.path("parameters")).get("ours"));
        assertEquals("skipped", byName.get("b-full: validation_accuracy against the paper").path("status").asText());
        // the history id names the comparison, not the run: Allure's trends follow it across runs
        Path again = dir.resolve("again");
        AllureResults.write(again, "table1-cpu", comparisons.subList(0, 1), Map.of(), Map.of());
        try (Stream<Path> s = Files.list(again)) {
            JsonNode second = json.readTree(s.filter(f -> f.toString().endsWith("-result.json")).findFirst()
                    .orElseThrow().toFile());
            assertEquals(emd.path("historyId").asText(), second.path("historyId").asText());
        }
    }

    @Test
    void checkRowsBecomeFailedResultsWhenTheyRegress(@TempDir Path dir) throws Exception {
        org.melanogans.engine.check.BaselineEntry emd = org.melanogans.engine.check.BaselineEntry.of(0.02, org.melanogans.engine.check.Tolerance.absolute(0.01,
                org.melanogans.engine.check.Direction.LOWER_IS_BETTER), 1);
        org.melanogans.engine.check.CheckResult check = new org.melanogans.engine.check.CheckResult("q", List.of(
                new org.melanogans.engine.check.CheckRow("models.dcgan.emd", emd, 0.05, 1, 0.03, 0.01,
                        org.melanogans.engine.check.CheckStatus.REGRESSED, null),
                new org.melanogans.engine.check.CheckRow("models.other.emd", emd, 0.021, 1, 0.001, 0.01,
                        org.melanogans.engine.check.CheckStatus.OK, null)));
        AllureResults.writeCheck(dir, "q", check);
        Map<String, JsonNode> byName = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode r = new ObjectMapper().readTree(f.toFile());
                byName.put(r.path("name").asText(), r);
            }
        }
        JsonNode regressed = byName.get("models.dcgan.emd against the baseline");
        assertEquals("failed", regressed.path("status").asText());
        assertTrue(regressed.path("statusDetails").path("message").asText().startsWith("regressed: "));
        assertEquals("regression check", pairs(regressed.path("labels")).get("feature"));
        assertEquals("0.05", pairs(regressed.path("parameters")).get("current"));
        assertEquals("passed", byName.get("models.other.emd against the baseline").path("status").asText());
    }

    private static Map<String, String> pairs(JsonNode list) {
        Map<String, String> out = new HashMap<>();
        list.forEach(n -> out.put(n.path("name").asText(), n.path("value").asText()));
        return out;
    }
}
