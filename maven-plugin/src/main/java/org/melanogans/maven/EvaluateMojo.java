package org.melanogans.maven;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.GanEngine;

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
    void run(GanEngine engine) throws MojoFailureException {
        if ((real == null) != (fake == null)) {
            throw new MojoFailureException("gan:evaluate needs both -Dgan.real=DIR and -Dgan.fake=DIR (or neither, to"
                    + " evaluate a run)");
        }
        if (real != null) {
            String json = engine.evaluateFolders(real.toPath(), fake.toPath(), output == null ? null : output.toPath());
            if (output == null) {
                getLog().info(json);
            } else {
                getLog().info("Metrics written to " + output);
            }
            return;
        }
        engine.evaluateRun(loadExperiment(engine), run);
    }
}
