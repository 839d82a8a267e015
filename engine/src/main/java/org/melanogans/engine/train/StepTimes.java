package org.melanogans.engine.train;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Wall times of training steps after a warm-up, as the PyTorch peers time theirs.
 *
 * @param msPerStep       mean milliseconds per timed step
 * @param msPerStepMedian median milliseconds per timed step
 * @param totalSeconds    the timed steps' total
 */
public record StepTimes(double msPerStep, double msPerStepMedian, double totalSeconds) {

    /** Runs {@code warmup} untimed then {@code steps} timed calls of {@code step} (given 0, 1, ...). */
    public static StepTimes measure(int warmup, int steps, IntConsumer step) {
        if (steps < 1 || warmup < 0) {
            throw new IllegalArgumentException("steps must be >= 1 and warmup >= 0");
        }
        double[] times = new double[steps];
        for (int i = 0; i < warmup + steps; i++) {
            long t0 = System.nanoTime();
            step.accept(i);
            if (i >= warmup) {
                times[i - warmup] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double total = Arrays.stream(times).sum();
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return new StepTimes(total / steps, sorted[steps / 2], total / 1000);
    }

    /** Images per second at {@code batch} images per step. */
    public double imagesPerSecond(int batch) {
        return batch * (msPerStep > 0 ? 1000 / msPerStep : Double.POSITIVE_INFINITY);
    }
}
