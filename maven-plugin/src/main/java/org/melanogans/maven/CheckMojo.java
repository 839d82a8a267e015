package org.melanogans.maven;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.metrics.CheckResult;

/**
 * Compares {@code reports/<experiment>/latest/metrics.json} with a baseline holding per-metric
 * tolerance and direction; prints a table and fails the build when a metric regressed.
 */
@Mojo(name = "check", aggregator = true, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractGanMojo {
    /** Skips gan:check. */
    @Parameter(property = "gan.check.skip", defaultValue = "false")
    private boolean checkSkip;

    /** Baseline file; default {@code experiments/baselines/<experiment>.json}. */
    @Parameter(property = "gan.baseline")
    private File baseline;

    /** Metrics to check; default {@code reports/<experiment>/latest/metrics.json}. */
    @Parameter(property = "gan.metrics")
    private File metrics;

    /** Writes the baseline from the metrics (default tolerances) instead of checking. */
    @Parameter(property = "gan.updateBaseline", defaultValue = "false")
    private boolean updateBaseline;

    @Override
    String goal() {
        return "check";
    }

    @Override
    boolean goalSkipped() {
        return checkSkip;
    }

    @Override
    void run(GanEngine engine) throws MojoFailureException {
        var experiment = loadExperiment(engine);
        var metricsFile = metrics != null ? metrics.toPath() : engine.latestMetrics(experiment);
        var baselineFile = baseline != null ? baseline.toPath() : engine.defaultBaseline(experiment);
        if (updateBaseline) {
            engine.updateBaseline(metricsFile, baselineFile);
            getLog().info("Baseline written to " + baselineFile + " from " + metricsFile);
            return;
        }
        // the newest run's check also goes into its Allure results; a file given by hand is only checked
        CheckResult result = metrics == null ? engine.checkLatestRun(experiment, baselineFile)
                : engine.check(metricsFile, baselineFile);
        for (String line : result.table().split("\n")) {
            getLog().info(line);
        }
        if (result.failed()) {
            throw new MojoFailureException(result.summary() + " (baseline " + baselineFile
                    + ", refreshed with -Dgan.updateBaseline)");
        }
        getLog().info(result.summary());
    }
}
