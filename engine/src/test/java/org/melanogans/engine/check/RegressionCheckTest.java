package org.melanogans.engine.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;
import org.melanogans.engine.results.DatasetInfo;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.MetricsFileTest;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.UsecaseMetrics;

class RegressionCheckTest {
    @TempDir
    Path tmp;

    private static MetricsFile run(double emd, double imagesPerSecond) {
        return MetricsFile.start("quickstart", "run-0002", new DatasetInfo("generated", 600, 64, "f00"),
                        new Environment("17", "Linux", "cpu", List.of("avx2"), 2, "1.1.0", true, false, 42L, "abc"))
                .withModel("dcgan", ModelMetrics.completed(MetricsFileTest.metrics(emd), null, null, null,
                        ModelMetrics.Networks.of(1000, 500), ModelMetrics.Training.of(imagesPerSecond, 8, 600, 100, 4, 12),
                        2000));
    }

    private static Baseline baseline(String key, BaselineEntry entry) {
        return new Baseline("quickstart", Map.of(key, entry));
    }

    private static CheckStatus status(double current, BaselineEntry entry) {
        CheckResult result = RegressionCheck.run(run(current, 40), baseline("models.dcgan.emd", entry));
        return result.rows().get(0).status();
    }

    @Test
    void relativeLowerIsBetter() {
        BaselineEntry entry = BaselineEntry.of(0.012, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER));
        assertEquals(CheckStatus.OK, status(0.012, entry));
        assertEquals(CheckStatus.OK, status(0.0179, entry));
        assertEquals(CheckStatus.OK, status(0.018, entry), "exactly on the bound passes");
        assertEquals(CheckStatus.REGRESSED, status(0.0181, entry));
        assertEquals(CheckStatus.OK, status(0.0061, entry));
        assertEquals(CheckStatus.IMPROVED, status(0.0059, entry));
    }

    @Test
    void absoluteHigherIsBetter() {
        BaselineEntry entry = BaselineEntry.of(40, Tolerance.absolute(10, Direction.HIGHER_IS_BETTER));
        CheckResult ok = RegressionCheck.run(run(0.01, 31), baseline("models.dcgan.train_images_per_second", entry));
        assertFalse(ok.failed());
        CheckResult slow = RegressionCheck.run(run(0.01, 29), baseline("models.dcgan.train_images_per_second", entry));
        assertTrue(slow.failed());
        CheckRow row = slow.rows().get(0);
        assertEquals(CheckStatus.REGRESSED, row.status());
        assertEquals(29.0, row.current());
        assertEquals(-11.0, row.delta(), 1e-12);
        assertEquals(">= 30", row.allowed());
        assertEquals(CheckStatus.IMPROVED,
                RegressionCheck.run(run(0.01, 51), baseline("models.dcgan.train_images_per_second", entry)).rows().get(0).status());
    }

    @Test
    void twoSidedFailsEitherWayAndNeverImproves() {
        BaselineEntry entry = new BaselineEntry(0.02, 0.005, ToleranceMode.ABSOLUTE, Direction.BOTH);
        assertEquals(CheckStatus.REGRESSED, status(0.0251, entry));
        assertEquals(CheckStatus.REGRESSED, status(0.0149, entry));
        assertEquals(CheckStatus.OK, status(0.0249, entry));
        assertEquals(CheckStatus.OK, status(0.0151, entry));
        CheckRow row = RegressionCheck.run(run(0.02, 40), baseline("models.dcgan.emd", entry)).rows().get(0);
        assertEquals("0.015 .. 0.025", row.allowed());
    }

    @Test
    void missingKeyAndFailedModelAreRegressions() {
        Map<String, BaselineEntry> metrics = new LinkedHashMap<>();
        metrics.put("models.dcgan.emd", BaselineEntry.of(0.012, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER)));
        metrics.put("models.lapgan.emd", BaselineEntry.of(0.04, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER)));
        metrics.put("models.ddgan.emd", BaselineEntry.of(0.03, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER)));
        metrics.put("models.dcgan.untrained_emd", BaselineEntry.of(0.1, Tolerance.relative(0.5, Direction.BOTH)));
        MetricsFile current = run(0.01, 40).withModel("lapgan", ModelMetrics.failed("out of memory"));
        CheckResult result = RegressionCheck.run(current, new Baseline("quickstart", metrics));
        assertTrue(result.failed());
        List<CheckRow> rows = result.rows();
        assertEquals(CheckStatus.OK, rows.get(0).status());
        assertEquals(CheckStatus.MISSING, rows.get(1).status());
        assertEquals("model failed: out of memory", rows.get(1).reason());
        assertEquals(CheckStatus.MISSING, rows.get(2).status());
        assertEquals("not in metrics.json", rows.get(2).reason());
        assertEquals(CheckStatus.MISSING, rows.get(3).status(), "null value counts as missing");
        assertNull(rows.get(3).current());
        assertEquals("3 of 4 metrics regressed: models.lapgan.emd missing (model failed: out of memory), "
                + "models.ddgan.emd missing (not in metrics.json), models.dcgan.untrained_emd missing (not in metrics.json); "
                + "fix the regression, or refresh the baseline if the change is intended", result.summary());
    }

    @Test
    void summaryAndTableNameTheRegression() {
        Map<String, BaselineEntry> metrics = new LinkedHashMap<>();
        metrics.put("models.dcgan.emd", BaselineEntry.of(0.012, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER)));
        metrics.put("models.dcgan.train_images_per_second", BaselineEntry.of(40, Tolerance.relative(0.3, Direction.HIGHER_IS_BETTER)));
        CheckResult result = RegressionCheck.run(run(0.031, 35), new Baseline("quickstart", metrics));
        assertTrue(result.failed());
        assertEquals("1 of 2 metrics regressed: models.dcgan.emd 0.031 > 0.018 (baseline 0.012 +50%); "
                + "fix the regression, or refresh the baseline if the change is intended", result.summary());
        String[] lines = result.table().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("metric "), lines[0]);
        assertTrue(lines[1].startsWith("models.dcgan.emd "), lines[1]);
        assertTrue(lines[1].endsWith("REGRESSED"), lines[1]);
        assertTrue(lines[1].contains("<= 0.018"), lines[1]);
        assertTrue(lines[1].contains("+0.019"), lines[1]);
        assertTrue(lines[2].endsWith("OK"), lines[2]);
        assertTrue(lines[2].contains(">= 28"), lines[2]);
        // Aligned: the status column starts at the same place on every line.
        int col = lines[0].indexOf("status");
        assertEquals(col, lines[1].indexOf("REGRESSED"));
        assertEquals(col, lines[2].indexOf("OK"));

        CheckResult good = RegressionCheck.run(run(0.005, 40), new Baseline("quickstart", metrics));
        assertFalse(good.failed());
        assertEquals("all 2 metrics of quickstart within tolerance; 1 improved: models.dcgan.emd 0.005 < 0.006 "
                + "(baseline 0.012 +50%) (consider refreshing the baseline)", good.summary());
    }

    @Test
    void baselineForAnotherExperimentIsRejected() {
        Baseline other = new Baseline("paper", Map.of("models.dcgan.emd",
                BaselineEntry.of(0.01, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER))));
        UserException e = assertThrows(UserException.class, () -> RegressionCheck.run(run(0.01, 40), other));
        assertTrue(e.getMessage().contains("'paper'") && e.getMessage().contains("'quickstart'"), e.getMessage());
    }

    @Test
    void baselineFromMetricsUsesDocumentedDefaultsAndRoundTrips() {
        MetricsFile metrics = run(0.012, 40).withModel("lapgan", ModelMetrics.failed("boom"));
        Baseline baseline = Baseline.fromMetrics(metrics);
        assertEquals(List.of("models.dcgan.emd", "models.dcgan.js_divergence", "models.dcgan.js_distance",
                "models.dcgan.train_images_per_second"), List.copyOf(baseline.metrics().keySet()));
        assertEquals(new BaselineEntry(0.012, 0.5, ToleranceMode.RELATIVE, Direction.LOWER_IS_BETTER),
                baseline.metrics().get("models.dcgan.emd"));
        assertEquals(new BaselineEntry(0.006, 0.5, ToleranceMode.RELATIVE, Direction.LOWER_IS_BETTER),
                baseline.metrics().get("models.dcgan.js_divergence"));
        assertEquals(new BaselineEntry(40, 0.5, ToleranceMode.RELATIVE, Direction.HIGHER_IS_BETTER),
                baseline.metrics().get("models.dcgan.train_images_per_second"));
        Path file = tmp.resolve("baselines/quickstart.json");
        baseline.write(file);
        assertEquals(baseline, Baseline.read(file));
        // A run checked against its own baseline passes.
        assertFalse(RegressionCheck.run(metrics, Baseline.read(file)).failed());

        Baseline nested = Baseline.fromMetrics(metrics, Map.of("per_channel.r.emd", Tolerance.absolute(0.001, Direction.BOTH)));
        assertEquals(Map.of("models.dcgan.per_channel.r.emd", new BaselineEntry(0.012, 0.001, ToleranceMode.ABSOLUTE, Direction.BOTH)),
                nested.metrics());
    }

    @Test
    void readsTheDocumentedFileFormat() throws IOException {
        Path file = tmp.resolve("b.json");
        Files.writeString(file, """
                {"experiment": "quickstart", "metrics": {
                  "models.dcgan.emd": {"value": 0.012, "tolerance": 0.5, "mode": "relative", "direction": "lower_is_better"},
                  "models.dcgan.train_images_per_second": {"value": 40, "tolerance": 0.3, "mode": "relative", "direction": "higher_is_better"}}}
                """);
        Baseline baseline = Baseline.read(file);
        assertEquals(new BaselineEntry(40, 0.3, ToleranceMode.RELATIVE, Direction.HIGHER_IS_BETTER),
                baseline.metrics().get("models.dcgan.train_images_per_second"));
    }

    private UserException badBaseline(String json) throws IOException {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, json);
        UserException e = assertThrows(UserException.class, () -> Baseline.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void badBaselineFilesAreUserMistakesSayingWhatIsWrong() throws IOException {
        String entry = "\"value\": 1, \"tolerance\": 0.5, \"mode\": \"relative\", \"direction\": \"both\"";
        assertTrue(badBaseline("{\"experiment\": \"q\", \"metrics\": {\"k.x\": {" + entry + ", \"tolerence\": 1}}}")
                .getMessage().contains("tolerence"));
        assertTrue(badBaseline("{\"experiment\": \"q\", \"metrics\": {\"k.x\": {" + entry.replace("relative", "percent") + "}}}")
                .getMessage().contains("percent"));
        assertTrue(badBaseline("{\"experiment\": \"q\", \"metrics\": {\"k.x\": {\"value\": 1, \"mode\": \"absolute\", \"direction\": \"both\"}}}")
                .getMessage().contains("tolerance"));
        assertTrue(badBaseline("{\"experiment\": \"q\", \"metrics\": {\"k.x\": {" + entry.replace("0.5", "-1") + "}}}")
                .getMessage().contains("k.x > tolerance"));
        assertTrue(badBaseline("{\"experiment\": \"q\", \"metrics\": {}}").getMessage().contains("no metrics"));
        assertTrue(badBaseline("{\"experiment\": \"q\",\n\"metrics\": {\"k.x\": {" + entry + "}}")
                .getMessage().contains(":2: "), "names the line of a syntax error");
        Path missing = tmp.resolve("none.json");
        UserException e = assertThrows(UserException.class, () -> Baseline.read(missing));
        assertTrue(e.getMessage().startsWith(missing + ": file not found"), e.getMessage());
    }

    private static final UsecaseMetrics.Settings SETTINGS = new UsecaseMetrics.Settings("retained", false,
            "resnet-18", "none", "adam", 48, 12, List.of(1L), 0.6, 46, 1000);

    private static MetricsFile withUsecase(double balancedAccuracy) {
        UsecaseMetrics.Scores scores = new UsecaseMetrics.Scores(10, 0.7, balancedAccuracy, Map.of("melanoma", 0.5),
                0.8, Map.of());
        UsecaseMetrics.SeedRun seedRun = new UsecaseMetrics.SeedRun(1, Map.of("melanoma", 5), 0, scores, scores, 1.0,
                null);
        UsecaseMetrics.SetResult set = new UsecaseMetrics.SetResult("B_Imb", Map.of(
                "validation_balanced_accuracy", new UsecaseMetrics.Summary(balancedAccuracy, null, null, null,
                        List.of(balancedAccuracy)),
                "training_accuracy", new UsecaseMetrics.Summary(0.9, null, null, null, List.of(0.9))),
                List.of(seedRun));
        return run(0.01, 40).withUsecase(UsecaseMetrics.completed(SETTINGS, Map.of("b-imb", set)));
    }

    @Test
    void theUsecaseSummariesAreGuardedAndAFailedStageCountsAsMissing() {
        Baseline baseline = Baseline.fromMetrics(withUsecase(0.55));
        BaselineEntry guarded = baseline.metrics().get("usecase.sets.b-imb.summary.validation_balanced_accuracy.mean");
        assertEquals(0.55, guarded.value());
        assertEquals(Direction.HIGHER_IS_BETTER, guarded.direction());
        assertNull(baseline.metrics().get("usecase.sets.b-imb.summary.training_accuracy.mean"),
                "training accuracy is not guarded");
        assertNull(Baseline.fromMetrics(withUsecase(0.08)).metrics()
                .get("usecase.sets.b-imb.summary.validation_balanced_accuracy.mean"), "0.08 cannot drop by 0.1");
        assertFalse(RegressionCheck.run(withUsecase(0.46), baseline).failed(), "a drop of 0.09 is within 0.1");
        assertTrue(RegressionCheck.run(withUsecase(0.44), baseline).failed(), "a drop of 0.11 regresses");
        CheckResult failed = RegressionCheck.run(run(0.01, 40).withUsecase(UsecaseMetrics.failed(SETTINGS, "no data")),
                baseline);
        CheckRow row = failed.rows().stream().filter(r -> r.key().startsWith("usecase")).findFirst().orElseThrow();
        assertEquals(CheckStatus.MISSING, row.status());
        assertEquals("use-case stage failed: no data", row.reason());
    }
}
