package org.melanogans.engine.train;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.tf.Allocator;
import org.melanogans.engine.tf.SessionOptions;
import org.melanogans.engine.tf.StepTrace;

/**
 * Times training steps of one model on random data after a warm-up, the way the PyTorch peer
 * ({@code ../shared/bench/torch_dcgan_step.py}) does: a fixed random "real" batch in [-1, 1],
 * fresh noise every step, wall time of each step.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    /**
     * Figures of one benchmark run: the one JSON line {@code gan:bench} prints, comparable with the
     * PyTorch peer's.
     *
     * @param framework  always {@code tensorflow-java}
     * @param tensorflow the TensorFlow version
     * @param allocator  what {@code LD_PRELOAD} named in this process, or glibc malloc
     */
    public record Result(String framework, String tensorflow, String model, int resolution, int batch,
                         int threads, int interOpThreads, boolean bfloat16, int warmup, int steps, double msPerStep,
                         double msPerStepMedian, double imagesPerSecond, long generatorParameters,
                         long discriminatorParameters, String allocator) {
    }

    /**
     * Times {@code steps} steps after {@code warmup}; then, when {@code trace} is given, traces
     * {@link StepTrace#STEPS} more into it.
     */
    public static Result run(ModelConfig model, TrainConfig train, int resolution, int warmup, int steps, long seed,
                             StepTrace trace) {
        SplittableRandom random = new SplittableRandom(seed);
        int batch = train.batch();
        float[] real = new float[batch * resolution * resolution * 3];
        for (int i = 0; i < real.length; i++) {
            real[i] = (float) (random.nextDouble() * 2 - 1);
        }
        try (TrainingGraph graph = new TrainingGraph(model, train, resolution, seed)) {
            float[] noise = new float[batch * graph.model().noiseSize()];
            IntConsumer step = i -> {
                NoiseSource.fill(noise, seed, i);
                graph.step(real, noise, i + 1);
            };
            StepTimes times = StepTimes.measure(warmup, steps, step);
            if (trace != null) {
                trace.record(graph::trace, warmup + steps, step);
            }
            return new Result("tensorflow-java", SessionOptions.TENSORFLOW_VERSION, model.name(), resolution, batch,
                    train.intraOpThreads(), train.interOpThreads(), train.bfloat16(), warmup, steps, times.msPerStep(),
                    times.msPerStepMedian(), times.imagesPerSecond(batch), graph.generatorParameterCount(),
                    graph.discriminatorParameterCount(), Allocator.current());
        }
    }
}
