package org.melanogans.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

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
    @Parameter(property = "gan.count")
    private Integer count;

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
    EngineRequest request(EngineRequest.Project project) {
        return new EngineRequest.Sample(project, run, model, count, seed);
    }
}
