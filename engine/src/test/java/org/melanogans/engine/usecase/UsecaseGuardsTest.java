package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.UserException;
import org.melanogans.engine.check.Baseline;
import org.melanogans.engine.check.BaselineEntry;
import org.melanogans.engine.results.DatasetInfo;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.UsecaseMetrics;
import org.melanogans.engine.results.UsecaseMetrics.MelanomaGan;
import org.melanogans.engine.results.UsecaseMetrics.Scores;
import org.melanogans.engine.results.UsecaseMetrics.SeedRun;
import org.melanogans.engine.results.UsecaseMetrics.SetResult;

/**
 * gan:check, end to end through the engine, with a baseline made from a Table 2 result in which
 * the classifiers learn and the GAN helps: it rejects a classifier that always answers nevus, a
 * result whose GAN gain is gone, and a stage GAN whose EMD against its pool doubled.
 */
class UsecaseGuardsTest {
    @TempDir
    Path dir;

    private static final String EXPERIMENT = """
            name: t2
            data:
              format: generated
              resolution: 32
            train:
              epochs: 1
            models:
              - name: g
                type: dcgan
            usecase:
              pool: retained
              gans: [g]
              seeds: [1, 2, 3]
            """;

    /** One set over seeds 1-3: accuracy, balanced accuracy, melanoma recall, melanoma AUC, GAN EMD (or null). */
    private static SetResult set(double[] accuracy, double[] balanced, double[] recall, double[] auc, double[] ganEmd) {
        List<SeedRun> runs = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Scores v = new Scores(800, accuracy[k], balanced[k], Map.of("nevus", 0.9, "seborrheic_keratosis", 0.3,
                    "melanoma", recall[k]), auc[k], Map.of());
            MelanomaGan gan = ganEmd == null ? null : new MelanomaGan("g", 46, 1000, 60, ganEmd[k], 0.2, null, null,
                    null, null, "synthetic/g");
            runs.add(new SeedRun(k + 1, Map.of("melanoma", 224), gan == null ? 0 : 178, v, v, 60, gan));
        }
        return new SetResult("set", UsecaseStage.summarise(runs), runs);
    }

    private static final double[] NEVUS_ACCURACY = {0.685, 0.685, 0.685};
    private static final double[] THIRD = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    private static final double[] ZERO = {0, 0, 0};
    private static final double[] HALF = {0.5, 0.5, 0.5};

    private static SetResult full() {
        return set(new double[] {0.74, 0.76, 0.75}, new double[] {0.58, 0.60, 0.62}, new double[] {0.40, 0.45, 0.50},
                new double[] {0.76, 0.78, 0.80}, null);
    }

    private static SetResult imbalanced(double[] ganEmd) {
        return set(new double[] {0.72, 0.73, 0.74}, new double[] {0.48, 0.50, 0.52}, new double[] {0.10, 0.12, 0.15},
                new double[] {0.70, 0.71, 0.72}, ganEmd);
    }

    private static SetResult restored(double[] ganEmd) {
        return set(new double[] {0.73, 0.74, 0.75}, new double[] {0.55, 0.57, 0.58}, new double[] {0.30, 0.33, 0.36},
                new double[] {0.74, 0.75, 0.77}, ganEmd);
    }

    private Path metrics(String name, SetResult full, SetResult imbalanced, SetResult restored) {
        Map<String, SetResult> sets = new LinkedHashMap<>();
        sets.put("b-full", full);
        sets.put("b-imb", imbalanced);
        sets.put("b-imb+g", restored);
        UsecaseMetrics.Settings settings = new UsecaseMetrics.Settings("retained", false, "resnet-18", "none", "adam",
                32, 10, List.of(1L, 2L, 3L), 0.6, 46, 1000, "plain");
        MetricsFile m = MetricsFile.start("t2", "run-0001", new DatasetInfo("generated", 600, 32, "f00"),
                new Environment("17", "Linux", "cpu", List.of("avx2"), 2, 2, "cpu", "linux-x86_64", null, "1.1.0", true,
                        false, 42L, "abc")).withUsecase(UsecaseMetrics.completed(settings, sets));
        Path file = dir.resolve(name + ".json");
        m.write(file);
        return file;
    }

    private static final double[] EMD = {0.020, 0.025, 0.030};

    private void check(TestProject project, Path metrics, boolean update) {
        project.engine().check(new EngineRequest.Check(project.project("t2.yaml", null), metrics,
                dir.resolve("baseline.json"), update, false, true));
    }

    private String failure(TestProject project, Path metrics) {
        return assertThrows(UserException.class, () -> check(project, metrics, false)).getMessage();
    }

    private String row(TestProject project, String key) {
        return project.lines().stream().filter(l -> l.contains(key)).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void theBaselineRejectsAlwaysNevusALostGainAndAWorseStageGan() throws IOException {
        Files.writeString(dir.resolve("t2.yaml"), EXPERIMENT);
        TestProject project = new TestProject(dir);
        check(project, metrics("good", full(), imbalanced(null), restored(EMD)), true);
        Baseline baseline = Baseline.read(dir.resolve("baseline.json"));
        BaselineEntry balanced = baseline.metrics().get("usecase.sets.b-full.summary.validation_balanced_accuracy.mean");
        assertEquals(1.0 / 3, balanced.bound().value(), "every seed beats always-nevus: it is the bound");
        assertTrue(baseline.metrics().containsKey("usecase.gains.b-imb+g.validation_melanoma_recall.mean_difference"),
                "the GAN's measurable gain is guarded");
        assertTrue(baseline.metrics().containsKey("usecase.sets.b-imb+g.summary.gan_emd.mean"));

        check(project, metrics("again", full(), imbalanced(null), restored(EMD)), false);

        String nevus = failure(project, metrics("nevus", set(NEVUS_ACCURACY, THIRD, ZERO, HALF, null),
                imbalanced(null), restored(EMD)));
        assertTrue(nevus.contains("regress"), nevus);
        assertTrue(nevus.contains("usecase.sets.b-full.summary.validation_balanced_accuracy.mean 0.333333 at or past"
                + " 0.333333, what a classifier that always answers nevus scores"), nevus);
        assertTrue(row(project, "usecase.sets.b-full.summary.validation_balanced_accuracy.mean")
                .contains("what a classifier that always answers nevus scores"), project.lines().toString());

        String lost = failure(project, metrics("lost", full(), imbalanced(null), imbalanced(EMD)));
        assertTrue(lost.contains("regress"), lost);
        assertTrue(row(project, "usecase.gains.b-imb+g.validation_melanoma_recall.mean_difference")
                .contains("REGRESSED"), project.lines().toString());

        String worseGan = failure(project, metrics("worse-gan", full(), imbalanced(null),
                restored(new double[] {0.040, 0.050, 0.060})));
        assertTrue(worseGan.contains("regress"), worseGan);
        assertTrue(row(project, "usecase.sets.b-imb+g.summary.gan_emd.mean").contains("REGRESSED"),
                project.lines().toString());
    }
}
