package org.melanogans.engine.goal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.ClassifierConfig;
import org.melanogans.engine.experiment.Defaults;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.PyramidConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.tf.CpuFeatures;
import org.melanogans.engine.tf.StepTrace;
import org.melanogans.engine.train.TrainingBenchmark;
import org.melanogans.engine.usecase.ClassifierBenchmark;

/**
 * gan:bench: times training steps of one model (a GAN or the use-case classifier) on random data,
 * the way the PyTorch peers do, and logs the figures as one JSON line (also appended to
 * {@code output} when given).
 */
public final class BenchGoal {
    /** How many of the costliest op types the log shows (the trace file has them all). */
    private static final int TRACE_LINES = 12;

    /** The use-case classifiers gan:bench times, by name. */
    private static final Map<String, Integer> CLASSIFIERS = Map.of("resnet18", 18, "resnet50", 50);

    private BenchGoal() {
    }

    /** What a trace file holds: the benchmark's figures and the traced steps' op-by-op cost. */
    private record Traced(Object benchmark, StepTrace.Summary trace) {
    }

    public static void run(Workspace workspace, EngineRequest.Bench r) {
        String name = r.model() == null ? ModelType.DCGAN.yamlName() : r.model().trim().toLowerCase(Locale.ROOT);
        Integer depth = CLASSIFIERS.get(name);
        if (depth == null && Arrays.stream(ModelType.values()).noneMatch(type -> type.yamlName().equals(name))) {
            throw new UserException("gan.model: unknown model '" + r.model() + "'; allowed: "
                    + Arrays.stream(ModelType.values()).map(ModelType::yamlName).toList() + " or resnet18, resnet50");
        }
        int resolution = Objects.requireNonNullElse(r.resolution(), Defaults.BENCH_RESOLUTION);
        int steps = Objects.requireNonNullElse(r.steps(), Defaults.BENCH_STEPS);
        int warmup = Objects.requireNonNullElse(r.warmup(), Defaults.BENCH_WARMUP);
        int batch = Objects.requireNonNullElse(r.batch(), Defaults.BATCH);
        int zDim = Objects.requireNonNullElse(r.zDim(), Defaults.Z_DIM);
        int baseChannels = Objects.requireNonNullElse(r.baseChannels(), Defaults.benchBaseChannels(resolution));
        int threads = Objects.requireNonNullElse(r.threads(), Defaults.INTRA_OP_THREADS);
        int interOpThreads = Objects.requireNonNullElse(r.interOpThreads(), Defaults.INTER_OP_THREADS);
        if (depth == null) {
            require(resolution >= 16 && Integer.bitCount(resolution) == 1, "gan.resolution", resolution,
                    "a power of two >= 16");
        } else {
            require(resolution >= ClassifierConfig.MIN_RESOLUTION, "gan.resolution", resolution,
                    ClassifierConfig.MIN_RESOLUTION + " or more for the classifier");
            require(batch >= 2, "gan.batch", batch, "2 or more for the classifier (batch norm)");
        }
        require(steps >= 1, "gan.steps", steps, "1 or more");
        require(warmup >= 0, "gan.warmup", warmup, "0 or more");
        require(batch >= 1, "gan.batch", batch, "1 or more");
        require(zDim >= 1, "gan.zDim", zDim, "1 or more");
        require(baseChannels >= 1, "gan.baseChannels", baseChannels, "1 or more");
        require(threads >= 0, "gan.threads", threads, "0 (all cores) or more");
        require(interOpThreads >= 0, "gan.interOpThreads", interOpThreads, "0 (all cores) or more");
        if (r.bfloat16() && !CpuFeatures.detect().bfloat16()) {
            throw new UserException("gan.bfloat16: " + CpuFeatures.detect().noBfloat16() + "; leave it off here");
        }
        StepTrace trace = r.trace() == null ? null : new StepTrace();
        Object result = depth != null
                ? ClassifierBenchmark.run(depth, resolution, batch, threads, interOpThreads, r.bfloat16(), warmup, steps, 1,
                        trace)
                : gan(ModelType.fromYamlName("gan.model", name), resolution, batch, zDim, baseChannels, threads,
                        interOpThreads, r.bfloat16(), warmup, steps, trace);
        workspace.log().info(Json.line(result));
        if (r.output() != null) {
            Json.append(workspace.resolve(r.output()), result);
        }
        if (trace != null) {
            StepTrace.Summary summary = trace.summary();
            Json.write(workspace.resolve(r.trace()), new Traced(result, summary));
            workspace.log().info(String.format(Locale.ROOT, "traced %d steps: %.1f ms wall, %.1f ms in ops (all threads);"
                    + " costliest:", summary.steps(), summary.wallMsPerStep(), summary.opMsPerStep()));
            summary.ops().stream().limit(TRACE_LINES).forEach(op -> workspace.log().info(String.format(Locale.ROOT,
                    "  %5.1f%% %8.2f ms %6.1f runs  %s", 100 * op.share(), op.msPerStep(), op.runs(), op.op())));
        }
    }

    private static TrainingBenchmark.Result gan(ModelType type, int resolution, int batch, int zDim, int baseChannels,
                                                int threads, int interOpThreads, boolean bfloat16, int warmup,
                                                int steps, StepTrace trace) {
        ModelConfig model = new ModelConfig(type.yamlName(), type, zDim, baseChannels);
        int coarsest = model.pyramid().coarsestSide(resolution);
        if (type.multiScale() && coarsest < PyramidConfig.MIN_COARSEST_SIDE) {
            throw new UserException("gan:bench: " + type.yamlName() + " has " + model.pyramid().levels()
                    + " levels, so its coarsest is " + coarsest + " px at resolution " + resolution + "; use "
                    + "-Dgan.resolution=" + (PyramidConfig.MIN_COARSEST_SIDE << (model.pyramid().levels() - 1))
                    + " or more");
        }
        TrainConfig train = new TrainConfig(1, batch, Defaults.LEARNING_RATE, Defaults.BETA1, Defaults.BETA2,
                Defaults.LOG_EVERY, threads, interOpThreads, bfloat16);
        return TrainingBenchmark.run(model, train, resolution, warmup, steps, 1, trace);
    }

    private static void require(boolean ok, String property, int value, String allowed) {
        if (!ok) {
            throw new UserException(property + ": " + value + " is not allowed; give " + allowed);
        }
    }
}
