package org.melanogans.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.GanEngine;

/** Draws samples (PNGs and a grid) from the newest checkpoint of a run's model. */
@Mojo(name = "sample", aggregator = true, requiresProject = false, threadSafe = true)
public class SampleMojo extends AbstractGanMojo {
    /** Skips gan:sample. */
    @Parameter(property = "gan.sample.skip", defaultValue = "false")
    private boolean sampleSkip;

    /** Run id ({@code run-0003}) or {@code latest} (the newest run). */
    @Parameter(property = "gan.run", defaultValue = "latest")
    private String run;

    /** Model name; default: every model of the experiment. */
    @Parameter(property = "gan.model")
    private String model;

    /** Number of samples; default: the experiment's {@code sample.count}. */
    @Parameter(property = "gan.count", defaultValue = "0")
    private int count;

    /** Seed of the sample noise; default: the experiment's seed. */
    @Parameter(property = "gan.seed")
    private Long seed;

    @Override
    String goal() {
        return "sample";
    }

    @Override
    boolean goalSkipped() {
        return sampleSkip;
    }

    @Override
    void run(GanEngine engine) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("run", run);
        arguments.put("model", model);
        arguments.put("count", count);
        arguments.put("seed", seed);
        fork(engine, "sample", arguments);
    }
}
