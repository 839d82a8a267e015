package org.melanogans.maven;

import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

/**
 * Runs a whole experiment: for each model, train (resuming the newest unfinished run), sample,
 * evaluate; writes {@code reports/<experiment>/<run>/metrics.json} and
 * {@code reports/<experiment>/latest/metrics.json}.
 */
@Mojo(name = "train", aggregator = true, requiresProject = false, threadSafe = true)
public class TrainMojo extends AbstractGanMojo {
    /** Skips gan:train. */
    @Parameter(property = "gan.train.skip", defaultValue = "false")
    private boolean trainSkip;

    /** Starts a new run even if the newest run is unfinished. */
    @Parameter(property = "gan.fresh", defaultValue = "false")
    private boolean fresh;

    /** Prints the resolved plan and stops. */
    @Parameter(property = "gan.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Comma-separated subset of the experiment's model names to run. */
    @Parameter(property = "gan.models")
    private String models;

    @Override
    String goal() {
        return "train";
    }

    @Override
    boolean goalSkipped() {
        return trainSkip;
    }

    @Override
    EngineRequest request(EngineRequest.Project project) {
        List<String> subset = models == null || models.isBlank() ? List.of()
                : Arrays.stream(models.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new EngineRequest.Train(project, fresh, dryRun, subset);
    }
}
