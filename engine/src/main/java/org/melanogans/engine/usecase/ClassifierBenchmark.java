package org.melanogans.engine.usecase;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.melanogans.engine.experiment.ClassifierOptimizer;
import org.melanogans.engine.experiment.ClassifierRecipe;
import org.melanogans.engine.tf.Allocator;
import org.melanogans.engine.tf.SessionOptions;
import org.melanogans.engine.tf.StepTrace;
import org.melanogans.engine.train.StepTimes;

/**
 * Times training steps of the use-case classifier on random data after a warm-up, the way the
 * PyTorch peer ({@code ../shared/bench/torch_resnet_step.py}) does: one fixed random batch of images
 * and labels, 3 classes, Adam 1e-3, wall time of each step.
 */
public final class ClassifierBenchmark {
    /** Adam's learning rate in the peer. */
    private static final float LEARNING_RATE = 1e-3f;
    private static final int CLASSES = 3;

    private ClassifierBenchmark() {
    }

    /**
     * The one JSON line {@code gan:bench} prints for a classifier.
     *
     * @param model      {@code resnet18} or {@code resnet50}
     * @param parameters trainable parameters
     * @param allocator  what {@code LD_PRELOAD} named in this process, or glibc malloc
     */
    public record Result(String framework, String tensorflow, String model, int resolution, int batch, int threads,
                         int interOpThreads, boolean bfloat16, int warmup, int steps, double msPerStep,
                         double msPerStepMedian, double imagesPerSecond, long parameters, String allocator) {
    }

    /**
     * Times {@code steps} steps after {@code warmup}; then, when {@code trace} is given, traces
     * {@link StepTrace#STEPS} more into it.
     */
    public static Result run(int depth, int resolution, int batch, int threads, int interOpThreads, boolean bfloat16,
                             int warmup, int steps, long seed, StepTrace trace) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[batch * resolution * resolution * 3];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) (random.nextDouble() * 2 - 1);
        }
        int[] labels = new int[batch];
        for (int i = 0; i < batch; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        try (ClassifierGraph graph = new ClassifierGraph(depth, 64, CLASSES, resolution, batch,
                ClassifierOptimizer.ADAM, LEARNING_RATE, seed, threads, interOpThreads, false, bfloat16,
                ClassifierRecipe.PLAIN)) {
            IntConsumer step = i -> graph.step(images, labels, i + 1);
            StepTimes times = StepTimes.measure(warmup, steps, step);
            if (trace != null) {
                trace.record(graph::trace, warmup + steps, step);
            }
            return new Result("tensorflow-java", SessionOptions.TENSORFLOW_VERSION, "resnet" + depth, resolution,
                    batch, threads, interOpThreads, bfloat16, warmup, steps, times.msPerStep(),
                    times.msPerStepMedian(), times.imagesPerSecond(batch), graph.parameterCount(),
                    Allocator.current());
        }
    }
}
