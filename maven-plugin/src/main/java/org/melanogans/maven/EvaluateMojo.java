package org.melanogans.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

/**
 * Computes the paper's histogram metrics (EMD, JS divergence, JS distance; per channel and mean).
 * With {@code -Dgan.real=DIR -Dgan.fake=DIR}: between any two image folders, as JSON to the log
 * or to {@code -Dgan.output=FILE}. Otherwise: re-evaluates a run's samples against its training
 * images and rewrites its metrics.json.
 */
@Mojo(name = "evaluate", aggregator = true, requiresProject = false, threadSafe = true)
public class EvaluateMojo extends AbstractGanMojo {
    /** Skips gan:evaluate. */
    @Parameter(property = "gan.evaluate.skip", defaultValue = "false")
    private boolean evaluateSkip;

    /** Folder of real images (with {@code gan.fake}). */
    @Parameter(property = "gan.real")
    private File real;

    /** Folder of generated images (with {@code gan.real}). */
    @Parameter(property = "gan.fake")
    private File fake;

    /** Where to write the JSON; default: printed to the log. */
    @Parameter(property = "gan.output")
    private File output;

    /** Run id or {@code latest}, when evaluating a run. */
    @Parameter(property = "gan.run", defaultValue = "latest")
    private String run;

    @Override
    String goal() {
        return "evaluate";
    }

    @Override
    boolean goalSkipped() {
        return evaluateSkip;
    }

    @Override
    EngineRequest request(EngineRequest.Project project) {
        return new EngineRequest.Evaluate(project, run, real == null ? null : real.toPath(),
                fake == null ? null : fake.toPath(), output == null ? null : output.toPath());
    }
}
