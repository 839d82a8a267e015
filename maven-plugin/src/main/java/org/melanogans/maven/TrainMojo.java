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

    /**
     * Runs only shard i of n of the run's units ({@code 2/4}, numbered from 1): each (model, seed)
     * and each use-case seed is a unit, dealt round-robin in the experiment's order. Without it,
     * GitLab's {@code CI_NODE_INDEX}/{@code CI_NODE_TOTAL} or Kubernetes'
     * {@code JOB_COMPLETION_INDEX} (with {@code gan.shards}) select the shard. Combine the shards'
     * runs with gan:merge.
     */
    @Parameter(property = "gan.shard")
    private String shard;

    /** The number of shards of a Kubernetes Indexed Job (its completions), read with JOB_COMPLETION_INDEX. */
    @Parameter(property = "gan.shards")
    private Integer shards;

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
        return new EngineRequest.Train(project, fresh, dryRun, subset, shard, shards);
    }
}
