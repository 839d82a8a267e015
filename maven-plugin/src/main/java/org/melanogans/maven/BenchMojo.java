package org.melanogans.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.GanEngine;

/**
 * Times the training steps of one model on random data after a warm-up and prints one JSON line
 * ({@code images_per_second}, {@code ms_per_step}, model, resolution, batch, threads), comparable
 * with the PyTorch peer in ../shared/bench.
 */
@Mojo(name = "bench", aggregator = true, requiresProject = false, threadSafe = true)
public class BenchMojo extends AbstractGanMojo {
    /** Skips gan:bench. */
    @Parameter(property = "gan.bench.skip", defaultValue = "false")
    private boolean benchSkip;

    /** Model to time: dcgan, lapgan, ddgan-upsampling or ddgan-deconvolution (pyramids: 3 levels, depth 3). */
    @Parameter(property = "gan.model", defaultValue = "dcgan")
    private String model;

    /** Image side. */
    @Parameter(property = "gan.resolution", defaultValue = "64")
    private int resolution;

    /** Timed steps. */
    @Parameter(property = "gan.steps", defaultValue = "50")
    private int steps;

    /** Untimed warm-up steps. */
    @Parameter(property = "gan.warmup", defaultValue = "5")
    private int warmup;

    /** Images per step. */
    @Parameter(property = "gan.batch", defaultValue = "8")
    private int batch;

    /** TensorFlow intra-op threads. */
    @Parameter(property = "gan.threads", defaultValue = "2")
    private int threads;

    /** TensorFlow inter-op threads. */
    @Parameter(property = "gan.interOpThreads", defaultValue = "2")
    private int interOpThreads;

    /** Channels of the full-resolution layer; default as the PyTorch peer: 64 up to 128 px, 32 above. */
    @Parameter(property = "gan.baseChannels", defaultValue = "0")
    private int baseChannels;

    /** Noise dimension. */
    @Parameter(property = "gan.zDim", defaultValue = "64")
    private int zDim;

    /** oneDNN bfloat16 rewrite of the convolutions (AMX where present). */
    @Parameter(property = "gan.bfloat16", defaultValue = "false")
    private boolean bfloat16;

    @Override
    String goal() {
        return "bench";
    }

    @Override
    boolean goalSkipped() {
        return benchSkip;
    }

    @Override
    void run(GanEngine engine) {
        engine.modelType(model);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("model", model);
        arguments.put("resolution", resolution);
        arguments.put("batch", batch);
        arguments.put("z_dim", zDim);
        arguments.put("base_channels", baseChannels > 0 ? baseChannels : (resolution > 128 ? 32 : 64));
        arguments.put("steps", steps);
        arguments.put("warmup", warmup);
        arguments.put("threads", threads);
        arguments.put("inter_op_threads", interOpThreads);
        arguments.put("bfloat16", bfloat16);
        String json = fork(engine, "bench", arguments);
        // one machine-readable line on stdout, also in the log
        System.out.println(json);
    }
}
