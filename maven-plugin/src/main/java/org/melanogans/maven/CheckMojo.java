package org.melanogans.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

/**
 * Compares {@code reports/<experiment>/latest/metrics.json} with a baseline holding per-metric
 * tolerance and direction (calibrated on seed-to-seed noise where the baseline has several seeds);
 * prints a table and fails the build when a metric regressed. Binds to {@code verify} when listed
 * in a POM without a phase.
 */
@Mojo(name = "check", aggregator = true, requiresProject = false, threadSafe = true,
        defaultPhase = LifecyclePhase.VERIFY)
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

    /**
     * Gates the machine-dependent figures (throughput, seconds) too; without it they are reported,
     * and left out of a baseline being written.
     */
    @Parameter(property = "gan.check.timing", defaultValue = "false")
    private boolean timing;

    /** false: a regression is printed as a warning and the build passes (as jacoco's haltOnFailure). */
    @Parameter(property = "gan.check.failOnRegression", defaultValue = "true")
    private boolean failOnRegression;

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
                baseline == null ? null : baseline.toPath(), updateBaseline, timing, failOnRegression);
    }
}
