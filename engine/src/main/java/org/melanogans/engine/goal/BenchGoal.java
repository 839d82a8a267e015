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
        if (resolution < 16 || Integer.bitCount(resolution) != 1 || steps < 1 || warmup < 0 || batch < 1) {
            throw new UserException("gan:bench: resolution must be a power of two >= 16, steps >= 1, warmup >= 0,"
                    + " batch >= 1");
        }
        ModelConfig model = new ModelConfig(type.yamlName(), type, Objects.requireNonNullElse(r.zDim(), Defaults.Z_DIM),
                Objects.requireNonNullElse(r.baseChannels(), Defaults.benchBaseChannels(resolution)));
        int coarsest = model.pyramid().coarsestSide(resolution);
        if (type.multiScale() && coarsest < PyramidConfig.MIN_COARSEST_SIDE) {
            throw new UserException("gan:bench: " + type.yamlName() + " has " + model.pyramid().levels()
                    + " levels, so its coarsest is " + coarsest + " px at resolution " + resolution + "; use "
                    + "-Dgan.resolution=" + (PyramidConfig.MIN_COARSEST_SIDE << (model.pyramid().levels() - 1))
                    + " or more");
        }
        TrainConfig train = new TrainConfig(1, batch, Defaults.LEARNING_RATE, Defaults.BETA1, Defaults.BETA2,
                Defaults.LOG_EVERY, Objects.requireNonNullElse(r.threads(), Defaults.INTRA_OP_THREADS),
                Objects.requireNonNullElse(r.interOpThreads(), Defaults.INTER_OP_THREADS), r.bfloat16());
        TrainingBenchmark.Result result = TrainingBenchmark.run(model, train, resolution, warmup, steps, 1);
        workspace.log().info(Json.line(result));
        if (r.output() != null) {
            Json.append(workspace.resolve(r.output()), result);
        }
    }
}
