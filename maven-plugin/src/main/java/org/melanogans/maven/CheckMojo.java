package org.melanogans.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

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
    EngineRequest request(EngineRequest.Project project) {
        return new EngineRequest.Check(project, metrics == null ? null : metrics.toPath(),
                baseline == null ? null : baseline.toPath(), updateBaseline);
    }
}
