package org.melanogans.engine.goal;

import java.util.Objects;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Defaults;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.PyramidConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.train.TrainingBenchmark;

/**
 * gan:bench: times training steps of one model on random data, the way the PyTorch peer does, and
 * logs the figures as one JSON line (also appended to {@code output} when given).
 */
public final class BenchGoal {
    private BenchGoal() {
    }

    public static void run(Workspace workspace, EngineRequest.Bench r) {
        ModelType type = r.model() == null ? ModelType.DCGAN : r.model();
        int resolution = Objects.requireNonNullElse(r.resolution(), Defaults.BENCH_RESOLUTION);
        int steps = Objects.requireNonNullElse(r.steps(), Defaults.BENCH_STEPS);
        int warmup = Objects.requireNonNullElse(r.warmup(), Defaults.BENCH_WARMUP);
        int batch = Objects.requireNonNullElse(r.batch(), Defaults.BATCH);
        int zDim = Objects.requireNonNullElse(r.zDim(), Defaults.Z_DIM);
        int baseChannels = Objects.requireNonNullElse(r.baseChannels(), Defaults.benchBaseChannels(resolution));
        int threads = Objects.requireNonNullElse(r.threads(), Defaults.INTRA_OP_THREADS);
        int interOpThreads = Objects.requireNonNullElse(r.interOpThreads(), Defaults.INTER_OP_THREADS);
        require(resolution >= 16 && Integer.bitCount(resolution) == 1, "gan.resolution", resolution,
                "a power of two >= 16");
        require(steps >= 1, "gan.steps", steps, "1 or more");
        require(warmup >= 0, "gan.warmup", warmup, "0 or more");
        require(batch >= 1, "gan.batch", batch, "1 or more");
        require(zDim >= 1, "gan.zDim", zDim, "1 or more");
        require(baseChannels >= 1, "gan.baseChannels", baseChannels, "1 or more");
        require(threads >= 0, "gan.threads", threads, "0 (all cores) or more");
        require(interOpThreads >= 0, "gan.interOpThreads", interOpThreads, "0 (all cores) or more");
        ModelConfig model = new ModelConfig(type.yamlName(), type, zDim, baseChannels);
        int coarsest = model.pyramid().coarsestSide(resolution);
        if (type.multiScale() && coarsest < PyramidConfig.MIN_COARSEST_SIDE) {
            throw new UserException("gan:bench: " + type.yamlName() + " has " + model.pyramid().levels()
                    + " levels, so its coarsest is " + coarsest + " px at resolution " + resolution + "; use "
                    + "-Dgan.resolution=" + (PyramidConfig.MIN_COARSEST_SIDE << (model.pyramid().levels() - 1))
                    + " or more");
        }
        TrainConfig train = new TrainConfig(1, batch, Defaults.LEARNING_RATE, Defaults.BETA1, Defaults.BETA2,
                Defaults.LOG_EVERY, threads, interOpThreads, r.bfloat16());
        TrainingBenchmark.Result result = TrainingBenchmark.run(model, train, resolution, warmup, steps, 1);
        workspace.log().info(Json.line(result));
        if (r.output() != null) {
            Json.append(workspace.resolve(r.output()), result);
        }
    }

    private static void require(boolean ok, String property, int value, String allowed) {
        if (!ok) {
            throw new UserException(property + ": " + value + " is not allowed; give " + allowed);
        }
    }
}
