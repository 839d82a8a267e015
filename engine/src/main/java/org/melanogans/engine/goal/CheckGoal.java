package org.melanogans.engine.goal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.check.Baseline;
import org.melanogans.engine.check.CheckResult;
import org.melanogans.engine.check.RegressionCheck;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.plan.RunLock;
import org.melanogans.engine.report.AllureResults;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.ModelStatus;

/**
 * gan:check: compares a metrics.json (by default the experiment's latest) with its baseline, prints
 * the table and fails on a regression; or updates the baseline from the metrics, which must cover
 * every model (and the use-case stage) of the experiment, keeping each metric's rule. A check of
 * the latest results also goes into the Allure results of the run that published them.
 */
public final class CheckGoal {
    private CheckGoal() {
    }

    @SuppressWarnings("try")   // the lock is held by the try, not used in it
    public static void run(Workspace workspace, EngineRequest.Check request) {
        EngineLog log = workspace.log();
        Experiment experiment = workspace.experiment();
        ExperimentFolder folder = workspace.folder(experiment);
        Path metrics = request.metrics() != null ? workspace.resolve(request.metrics()) : latestMetrics(workspace,
                experiment);
        Path baseline = request.baseline() != null ? workspace.resolve(request.baseline())
                : workspace.defaultBaseline(experiment);
        if (request.updateBaseline()) {
            updateBaseline(experiment, MetricsFile.read(metrics), metrics, baseline, request.timing(), log);
            return;
        }
        if (!Files.isRegularFile(baseline)) {
            throw new UserException(baseline + ": no baseline; create it from the current metrics with"
                    + " -Dgan.updateBaseline, or pass -Dgan.baseline=FILE");
        }
        MetricsFile current = MetricsFile.read(metrics);
        Baseline accepted = Baseline.read(baseline);
        List<String> differences = accepted.differencesFrom(current.environment());
        if (!differences.isEmpty()) {
            log.warn("the baseline was measured on another machine (" + String.join(", ", differences) + "): the same"
                    + " seeds give other figures there; compare with a baseline made on this kind of machine");
        }
        CheckResult result = RegressionCheck.run(current, accepted, request.timing());
        if (request.metrics() == null && Files.isDirectory(folder.dir()) && !folder.runNumbers().isEmpty()) {
            // a latest/metrics.json put there by hand has no run to attach the results to
            RunLayout run = null;
            try {
                run = RunDirectories.find(folder, RunDirectories.LATEST);
            } catch (UserException noRun) {
                log.debug("no run to attach the check to: " + noRun.getMessage());
            }
            if (run != null) {
                try (RunLock lock = RunLock.acquire(run, "gan:check", "wait for it to end", log::warn)) {
                    AllureResults.writeCheck(run.allureResults(), experiment.name(), result);
                }
            }
        }
        result.table().lines().forEach(log::info);
        if (result.failed() && request.failOnRegression()) {
            throw new UserException(result.summary() + " (baseline " + baseline + ")");
        }
        if (result.failed()) {
            log.warn(result.summary() + " (baseline " + baseline + "; not failing: gan.check.failOnRegression=false)");
            return;
        }
        log.info(result.summary());
    }

    /**
     * Refuses metrics that do not cover the whole experiment (a failed or missing model or stage
     * would leave its guards out); otherwise writes the baseline, keeping each metric's rule, and
     * says what changed.
     */
    private static void updateBaseline(Experiment experiment, MetricsFile metrics, Path metricsFile, Path baseline,
                                       boolean timing, EngineLog log) {
        List<String> missing = new ArrayList<>();
        for (ModelConfig model : experiment.models()) {
            if (Workspace.usecaseGans(experiment).contains(model.name())) {
                continue;
            }
            ModelMetrics entry = metrics.models().get(model.name());
            if (entry == null) {
                missing.add(model.name() + " (not trained)");
            } else if (entry.status() != ModelStatus.COMPLETED) {
                missing.add(model.name() + " (failed: " + entry.error() + ")");
            }
        }
        if (experiment.usecase() != null && (metrics.usecase() == null
                || metrics.usecase().status() != ModelStatus.COMPLETED)) {
            missing.add("the use-case stage (" + (metrics.usecase() == null ? "not run"
                    : "failed: " + metrics.usecase().error()) + ")");
        }
        if (!missing.isEmpty()) {
            throw new UserException(metricsFile + ": cannot be a baseline, it lacks " + String.join(", ", missing)
                    + "; finish the experiment with mvn gan:train first");
        }
        Baseline old = Files.isRegularFile(baseline) ? Baseline.read(baseline) : null;
        Baseline.Update update = Baseline.update(old, metrics, timing);
        if (update.baseline().metrics().isEmpty()) {
            throw new UserException(metricsFile + ": holds no metric a baseline could guard; nothing written");
        }
        update.baseline().write(baseline);
        update.changes().forEach(change -> log.info("  " + change));
        log.info("Baseline " + baseline + " written from " + metricsFile + ": " + update.changes().size()
                + " change(s), " + update.baseline().metrics().size() + " metrics guarded");
    }

    private static Path latestMetrics(Workspace workspace, Experiment experiment) {
        Path file = workspace.folder(experiment).latestMetrics();
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no metrics yet; run mvn gan:train"
                    + (experiment.source() == null ? "" : " -Dgan.experiment=" + workspace.display(experiment))
                    + " first, or pass -Dgan.metrics=FILE");
        }
        return file;
    }
}
