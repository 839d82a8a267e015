package org.melanogans.maven;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

/**
 * Combines the runs of an experiment's shards ({@code gan:train -Dgan.shard=i/n} on several
 * machines) into one run, the experiment's newest, with its {@code latest/metrics.json}:
 * {@code gan:check} and {@code gan:report} then work on it as on any run. Fails, listing them,
 * when units are missing.
 */
@Mojo(name = "merge", aggregator = true, requiresProject = false, threadSafe = true)
public class MergeMojo extends AbstractGanMojo {
    /** Skips gan:merge. */
    @Parameter(property = "gan.merge.skip", defaultValue = "false")
    private boolean mergeSkip;

    /** Comma-separated shard run folders, or folders holding them (e.g. the downloaded CI artifacts). */
    @Parameter(property = "gan.from")
    private String from;

    @Override
    String goal() {
        return "merge";
    }

    @Override
    boolean goalSkipped() {
        return mergeSkip;
    }

    @Override
    EngineRequest request(EngineRequest.Project project) {
        List<Path> folders = from == null || from.isBlank() ? List.of()
                : Arrays.stream(from.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        return new EngineRequest.Merge(project, folders);
    }
}
