package org.melanogans.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

/**
 * Times the training steps of one model on random data after a warm-up and logs one JSON line
 * ({@code images_per_second}, {@code ms_per_step}, model, resolution, batch, threads), comparable
 * with the PyTorch peer in ../shared/bench; {@code -Dgan.output=FILE} also appends it to a file.
 */
@Mojo(name = "bench", aggregator = true, requiresProject = false, threadSafe = true)
public class BenchMojo extends AbstractGanMojo {
    /** Skips gan:bench. */
    @Parameter(property = "gan.bench.skip", defaultValue = "false")
    private boolean benchSkip;

    /**
     * Model to time: dcgan (default), lapgan, ddgan-upsampling or ddgan-deconvolution (pyramids: 3
     * levels, depth 3), or the use-case classifier: resnet18 or resnet50 (3 classes, Adam 1e-3).
     */
    @Parameter(property = "gan.model")
    private String model;

    /** Image side; default 64. */
    @Parameter(property = "gan.resolution")
    private Integer resolution;

    /** Timed steps; default 50. */
    @Parameter(property = "gan.steps")
    private Integer steps;

    /** Untimed warm-up steps; default 5. */
    @Parameter(property = "gan.warmup")
    private Integer warmup;

    /** Images per step; default 8 (the paper's). */
    @Parameter(property = "gan.batch")
    private Integer batch;

    /** TensorFlow intra-op threads; default 2. */
    @Parameter(property = "gan.threads")
    private Integer threads;

    /** TensorFlow inter-op threads; default 2. */
    @Parameter(property = "gan.interOpThreads")
    private Integer interOpThreads;

    /** Channels of the full-resolution layer; default as the PyTorch peer: 64 up to 128 px, 32 above. */
    @Parameter(property = "gan.baseChannels")
    private Integer baseChannels;

    /** Noise dimension; default 64. */
    @Parameter(property = "gan.zDim")
    private Integer zDim;

    /** oneDNN bfloat16 rewrite of the convolutions (AVX512_BF16 or AMX). */
    @Parameter(property = "gan.bfloat16", defaultValue = "false")
    private boolean bfloat16;

    /** A JSON-lines file the figures are appended to (besides the log). */
    @Parameter(property = "gan.output")
    private File output;

    /**
     * A JSON file for the op-by-op cost of a few steps traced after the timed ones (TensorFlow's
     * step statistics summed per op type); the costliest are also logged.
     */
    @Parameter(property = "gan.trace")
    private File trace;

    @Override
    String goal() {
        return "bench";
    }

    @Override
    boolean goalSkipped() {
        return benchSkip;
    }

    @Override
    EngineRequest request(EngineRequest.Project project) {
        return new EngineRequest.Bench(project, model,
                resolution, steps, warmup, batch, threads, interOpThreads, baseChannels, zDim, bfloat16,
                output == null ? null : output.toPath(), trace == null ? null : trace.toPath());
    }
}
