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
import org.melanogans.engine.results.SeedFigures;
import org.melanogans.engine.results.Summary;
import org.melanogans.engine.results.UsecaseMetrics;

class RegressionCheckTest {
    @TempDir
    Path tmp;

    private static MetricsFile run(double emd, double imagesPerSecond) {
        return MetricsFile.start("quickstart", "run-0002", new DatasetInfo("generated", 600, 64, "f00"),
                        new Environment("17", "Linux", "cpu", List.of("avx2"), 2, 2, "cpu", "linux-x86_64", null, "1.1.0", true, false, 42L, "abc"))
                .withModel("dcgan", ModelMetrics.ofSeeds(List.of(SeedFigures.of(42, MetricsFileTest.metrics(emd), null, null, null,
                        ModelMetrics.Networks.of(1000, 500), ModelMetrics.Training.of(imagesPerSecond, 8, 600, 100, 4, 12),
                        2000))));
    }

    private static Baseline baseline(String key, BaselineEntry entry) {
        return new Baseline("quickstart", null, Map.of(key, entry));
    }

    private static CheckStatus status(double current, BaselineEntry entry) {
        CheckResult result = RegressionCheck.run(run(current, 40), baseline("models.dcgan.emd", entry), false);
        return result.rows().get(0).status();
    }

    @Test
    void relativeLowerIsBetter() {
        BaselineEntry entry = BaselineEntry.of(0.012, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER), 1);
        assertEquals(CheckStatus.OK, status(0.012, entry));
        assertEquals(CheckStatus.OK, status(0.0179, entry));
        assertEquals(CheckStatus.OK, status(0.018, entry), "exactly on the bound passes");
        assertEquals(CheckStatus.REGRESSED, status(0.0181, entry));
        assertEquals(CheckStatus.OK, status(0.0061, entry));
        assertEquals(CheckStatus.IMPROVED, status(0.0059, entry));
    }

    @Test
    void absoluteHigherIsBetter() {
        BaselineEntry entry = BaselineEntry.of(40, Tolerance.absolute(10, Direction.HIGHER_IS_BETTER), 1);
        CheckResult ok = RegressionCheck.run(run(0.01, 31), baseline("models.dcgan.train_images_per_second", entry), true);
        assertFalse(ok.failed());
        CheckResult slow = RegressionCheck.run(run(0.01, 29), baseline("models.dcgan.train_images_per_second", entry), true);
        assertTrue(slow.failed());
        CheckRow row = slow.rows().get(0);
        assertEquals(CheckStatus.REGRESSED, row.status());
        assertEquals(29.0, row.current());
        assertEquals(-11.0, row.delta(), 1e-12);
        assertEquals(">= 30", row.allowed());
        assertEquals(CheckStatus.IMPROVED,
                RegressionCheck.run(run(0.01, 51), baseline("models.dcgan.train_images_per_second", entry), true).rows().get(0).status());
    }

    @Test
    void twoSidedFailsEitherWayAndNeverImproves() {
        BaselineEntry entry = new BaselineEntry(0.02, 0.005, ToleranceMode.ABSOLUTE, Direction.BOTH, null, 1, null);
        assertEquals(CheckStatus.REGRESSED, status(0.0251, entry));
        assertEquals(CheckStatus.REGRESSED, status(0.0149, entry));
        assertEquals(CheckStatus.OK, status(0.0249, entry));
        assertEquals(CheckStatus.OK, status(0.0151, entry));
        CheckRow row = RegressionCheck.run(run(0.02, 40), baseline("models.dcgan.emd", entry), false).rows().get(0);
        assertEquals("0.015 .. 0.025", row.allowed());
    }

    @Test
    void missingKeyAndFailedModelAreRegressions() {
        Map<String, BaselineEntry> metrics = new LinkedHashMap<>();
        metrics.put("models.dcgan.emd", BaselineEntry.of(0.012, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER), 1));
        metrics.put("models.lapgan.emd", BaselineEntry.of(0.04, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER), 1));
        metrics.put("models.ddgan.emd", BaselineEntry.of(0.03, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER), 1));
        metrics.put("models.dcgan.untrained_emd", BaselineEntry.of(0.1, Tolerance.relative(0.5, Direction.BOTH), 1));
        MetricsFile current = run(0.01, 40).withModel("lapgan", ModelMetrics.failed("out of memory"));
        CheckResult result = RegressionCheck.run(current, new Baseline("quickstart", null, metrics), false);
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
        metrics.put("models.dcgan.emd", BaselineEntry.of(0.012, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER), 1));
        metrics.put("models.dcgan.train_images_per_second", BaselineEntry.of(40, Tolerance.relative(0.3, Direction.HIGHER_IS_BETTER), 1));
        CheckResult result = RegressionCheck.run(run(0.031, 35), new Baseline("quickstart", null, metrics), true);
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

        CheckResult good = RegressionCheck.run(run(0.005, 40), new Baseline("quickstart", null, metrics), true);
        assertFalse(good.failed());
        assertEquals("all 2 gated metrics of quickstart within tolerance; 1 improved: models.dcgan.emd 0.005 < 0.006 "
                + "(baseline 0.012 +50%) (consider refreshing the baseline)", good.summary());
    }

    @Test
    void baselineForAnotherExperimentIsRejected() {
        Baseline other = new Baseline("paper", null, Map.of("models.dcgan.emd",
                BaselineEntry.of(0.01, Tolerance.relative(0.5, Direction.LOWER_IS_BETTER), 1)));
        UserException e = assertThrows(UserException.class, () -> RegressionCheck.run(run(0.01, 40), other, false));
        assertTrue(e.getMessage().contains("'paper'") && e.getMessage().contains("'quickstart'"), e.getMessage());
    }

    @Test
    void baselineFromMetricsUsesDocumentedDefaultsAndRoundTrips() {
        MetricsFile metrics = run(0.012, 40).withModel("lapgan", ModelMetrics.failed("boom"));
        Baseline baseline = Baseline.fromMetrics(metrics, false);
        assertEquals(List.of("models.dcgan.emd", "models.dcgan.js_divergence", "models.dcgan.js_distance"),
                List.copyOf(baseline.metrics().keySet()), "timing figures are not gated by default");
        assertEquals(new BaselineEntry(0.012, 0.5, ToleranceMode.RELATIVE, Direction.LOWER_IS_BETTER, null, 1, null),
                baseline.metrics().get("models.dcgan.emd"), "one seed: the default rule");
        assertEquals(new BaselineEntry(0.006, 0.5, ToleranceMode.RELATIVE, Direction.LOWER_IS_BETTER, null, 1, null),
                baseline.metrics().get("models.dcgan.js_divergence"));
        assertEquals(new BaselineEntry(40, 0.5, ToleranceMode.RELATIVE, Direction.HIGHER_IS_BETTER, null, 1, null),
                Baseline.fromMetrics(metrics, true).metrics().get("models.dcgan.train_images_per_second"));
        Path file = tmp.resolve("baselines/quickstart.json");
        baseline.write(file);
        assertEquals(baseline, Baseline.read(file));
        assertEquals("cpu", Baseline.read(file).environment().cpu(), "the machine is recorded");
        // A run checked against its own baseline passes.
        assertFalse(RegressionCheck.run(metrics, Baseline.read(file), false).failed());
    }

    /** A run of dcgan on one seed per EMD given (JS divergence half the EMD). */
    private static MetricsFile seeds(double... emds) {
        List<SeedFigures> figures = new java.util.ArrayList<>();
        for (int i = 0; i < emds.length; i++) {
            figures.add(SeedFigures.of(i + 1, MetricsFileTest.metrics(emds[i]), null, null, null,
                    ModelMetrics.Networks.of(1000, 500), ModelMetrics.Training.of(40 + i, 8, 600, 100, 4, 12), 2000));
        }
        return MetricsFile.start("quickstart", "run-0003", new DatasetInfo("generated", 600, 64, "f00"),
                new Environment("17", "Linux", "cpu", List.of("avx2"), 2, 2, "cpu", "linux-x86_64", null, "1.1.0", true, false, 42L, "abc"))
                .withModel("dcgan", ModelMetrics.ofSeeds(figures));
    }

    @Test
    void aBaselineOfSeveralSeedsAllowsWhatTheirNoiseExplains() {
        // baseline EMD 0.016, 0.020, 0.024: mean 0.02, sd 0.004, n 3
        BaselineEntry emd = Baseline.fromMetrics(seeds(0.016, 0.020, 0.024), false).metrics().get("models.dcgan.emd");
        assertEquals(BaselineEntry.calibrated(0.02, 0.004, 3, Baseline.FLOORS.get("emd"), Direction.LOWER_IS_BETTER),
                new BaselineEntry(emd.value(), emd.tolerance(), emd.mode(), emd.direction(),
                        Math.round(emd.sd() * 1e12) / 1e12, emd.n(), null));
        // a rerun of three seeds with sd 0.002: Welch's se^2 = 0.004^2/3 + 0.002^2/3 = 2e-5/3, df =
        // (2e-5/3)^2 / ((1.6e-5/3)^2/2 + (0.4e-5/3)^2/2) = 400/136 = 2.94 -> 2; t(0.95, 2) = 2.919986
        double allowance = 2.919986 * Math.sqrt(2e-5 / 3);
        assertEquals(allowance, emd.allowance(0.002, 3), 1e-9);
        // one new seed: it varies as one baseline seed does, se^2 = 0.004^2/3 + 0.004^2, df = 2
        assertEquals(2.919986 * Math.sqrt(0.016 * 0.001 * 4 / 3), emd.allowance(null, 1), 1e-9);
        // seeds that agree exactly still allow the floor
        assertEquals(0.001, BaselineEntry.calibrated(0.02, 0, 3, 0.001, Direction.LOWER_IS_BETTER).allowance(0.0, 3));

        Baseline baseline = Baseline.fromMetrics(seeds(0.016, 0.020, 0.024), false);
        CheckResult rerun = RegressionCheck.run(seeds(0.019, 0.021, 0.023), baseline, false);
        assertFalse(rerun.failed(), rerun.table());
        CheckRow row = rerun.rows().get(0);
        assertEquals("noise, 3 vs 3 seeds", row.rule());
        assertEquals(3, row.seeds());
        // a mean worse by more than the noise allows (0.0285 > 0.02 + 0.0075) fails
        CheckResult worse = RegressionCheck.run(seeds(0.0265, 0.0285, 0.0305), baseline, false);
        assertTrue(worse.failed(), worse.table());
        assertTrue(worse.summary().startsWith("3 of 3 metrics regressed: models.dcgan.emd 0.0285 > 0.0275394 (baseline"
                + " 0.02 +noise of 3 seeds (sd 0.004, floor 0.001))"),
                worse.summary());
    }

    @Test
    void aBaselineOfOneSeedSaysSoWhenCheckingSeveral() {
        Baseline single = Baseline.fromMetrics(seeds(0.02), false);
        CheckRow row = RegressionCheck.run(seeds(0.019, 0.021, 0.023), single, false).rows().get(0);
        assertEquals("+50% (baseline from 1 seed)", row.rule());
        assertTrue(RegressionCheck.run(seeds(0.019, 0.021, 0.023), single, false).table()
                .contains("+50% (baseline from 1 seed)"));
    }

    @Test
    void timingIsReportedButNotGatedUnlessAskedFor() {
        MetricsFile fast = seeds(0.016, 0.020, 0.024);
        assertFalse(Baseline.fromMetrics(fast, false).metrics().keySet().stream().anyMatch(RegressionCheck::isTiming));
        Baseline withTiming = Baseline.fromMetrics(fast, true);
        assertTrue(withTiming.metrics().containsKey("models.dcgan.train_images_per_second"));
        MetricsFile slow = seeds(0.016, 0.020, 0.024);
        slow = slow.withModel("dcgan", ModelMetrics.ofSeeds(slow.models().get("dcgan").seeds().stream()
                .map(f -> new SeedFigures(f.seed(), f.histogram(), f.structure(), null, null, f.networks(),
                        ModelMetrics.Training.of(10, 8, 600, 100, 4, 12), 2000)).toList()));
        CheckResult reported = RegressionCheck.run(slow, withTiming, false);
        assertFalse(reported.failed());
        assertEquals(CheckStatus.NOT_GATED, reported.rows().stream()
                .filter(r -> r.key().endsWith("train_images_per_second")).findFirst().orElseThrow().status());
        assertTrue(reported.summary().contains("(1 timing figure(s) reported, not gated)"), reported.summary());
        assertTrue(RegressionCheck.run(slow, withTiming, true).failed(), "-Dgan.check.timing gates it");
    }

    @Test
    void anotherMachineIsNamed() {
        Baseline baseline = Baseline.fromMetrics(seeds(0.02, 0.021), false);
        Environment xeon = new Environment("17", "Linux", "Intel Xeon", List.of("avx2", "amx_bf16"), 2, 2, "gpu",
                "linux-x86_64-gpu", "NVIDIA L4, driver 550.54.15", "1.1.0", true, false, 42L, "abc");
        assertEquals(List.of("cpu cpu -> Intel Xeon", "cpu flags [avx2] -> [avx2, amx_bf16]", "device cpu -> gpu"),
                baseline.differencesFrom(xeon));
        assertEquals(List.of(), baseline.differencesFrom(seeds(0.02).environment()));
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
        assertEquals(new BaselineEntry(40, 0.3, ToleranceMode.RELATIVE, Direction.HIGHER_IS_BETTER, null, null, null),
                baseline.metrics().get("models.dcgan.train_images_per_second"));
        assertNull(baseline.environment(), "older baselines name no machine");
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
            "resnet-18", "none", "adam", 48, 12, List.of(1L), 0.6, 46, 1000, "plain");

    private static MetricsFile withUsecase(double balancedAccuracy) {
        UsecaseMetrics.Scores scores = new UsecaseMetrics.Scores(10, 0.7, balancedAccuracy, Map.of("melanoma", 0.5),
                0.8, Map.of());
        UsecaseMetrics.SeedRun seedRun = new UsecaseMetrics.SeedRun(1, Map.of("melanoma", 5), 0, scores, scores, 1.0,
                null);
        UsecaseMetrics.SetResult set = new UsecaseMetrics.SetResult("B_Imb", Map.of(
                "validation_balanced_accuracy", new Summary(balancedAccuracy, null, null, null, null,
                        List.of(balancedAccuracy)),
                "training_accuracy", new Summary(0.9, null, null, null, null, List.of(0.9))),
                List.of(seedRun));
        return run(0.01, 40).withUsecase(UsecaseMetrics.completed(SETTINGS, Map.of("b-imb", set)));
    }

    @Test
    void theUsecaseSummariesAreGuardedAndAFailedStageCountsAsMissing() {
        Baseline baseline = Baseline.fromMetrics(withUsecase(0.55), false);
        BaselineEntry guarded = baseline.metrics().get("usecase.sets.b-imb.summary.validation_balanced_accuracy.mean");
        assertEquals(0.55, guarded.value());
        assertEquals(Direction.HIGHER_IS_BETTER, guarded.direction());
        assertNull(baseline.metrics().get("usecase.sets.b-imb.summary.training_accuracy.mean"),
                "training accuracy is not guarded");
        assertNull(Baseline.fromMetrics(withUsecase(0.08), false).metrics()
                .get("usecase.sets.b-imb.summary.validation_balanced_accuracy.mean"), "0.08 cannot drop by 0.1");
        assertFalse(RegressionCheck.run(withUsecase(0.46), baseline, false).failed(), "a drop of 0.09 is within 0.1");
        assertTrue(RegressionCheck.run(withUsecase(0.44), baseline, false).failed(), "a drop of 0.11 regresses");
        CheckResult failed = RegressionCheck.run(run(0.01, 40).withUsecase(UsecaseMetrics.failed(SETTINGS, "no data")),
                baseline, false);
        CheckRow row = failed.rows().stream().filter(r -> r.key().startsWith("usecase")).findFirst().orElseThrow();
        assertEquals(CheckStatus.MISSING, row.status());
        assertEquals("use-case stage failed: no data", row.reason());
    }
}
