package org.melanogans.engine.goal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.check.Baseline;
import org.melanogans.engine.check.CheckResult;
import org.melanogans.engine.check.RegressionCheck;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.report.AllureResults;
import org.melanogans.engine.results.MetricsFile;

/**
 * gan:check: compares a metrics.json (by default the experiment's latest) with its baseline, prints
 * the table and fails on a regression; or writes the baseline from the metrics. The newest run's
 * check also goes into that run's Allure results.
 */
public final class CheckGoal {
    private CheckGoal() {
    }

    public static void run(Workspace workspace, EngineRequest.Check request) {
        EngineLog log = workspace.log();
        Experiment experiment = workspace.experiment();
        Path metrics = request.metrics() != null ? workspace.resolve(request.metrics()) : latestMetrics(workspace,
                experiment);
        Path baseline = request.baseline() != null ? workspace.resolve(request.baseline())
                : workspace.defaultBaseline(experiment);
        if (request.updateBaseline()) {
            Baseline.fromMetrics(MetricsFile.read(metrics)).write(baseline);
            log.info("Baseline written to " + baseline + " from " + metrics);
            return;
        }
        if (!Files.isRegularFile(baseline)) {
            throw new UserException(baseline + ": no baseline; create it from the current metrics with"
                    + " -Dgan.updateBaseline, or pass -Dgan.baseline=FILE");
        }
        CheckResult result = RegressionCheck.run(MetricsFile.read(metrics), Baseline.read(baseline));
        if (request.metrics() == null) {
            // a latest/metrics.json put there by hand has no run to attach the results to
            workspace.folder(experiment).newestRun().ifPresent(run ->
                    AllureResults.writeCheck(run.allureResults(), experiment.name(), result));
        }
        result.table().lines().forEach(log::info);
        if (result.failed()) {
            throw new UserException(result.summary() + " (baseline " + baseline + ", refreshed with"
                    + " -Dgan.updateBaseline)");
        }
        log.info(result.summary());
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
