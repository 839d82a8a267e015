package org.melanogans.engine.train;

/** Training events: progress lines, loss logs and checkpoints are listeners. */
public interface TrainingListener {
    /** Before the first step of this session ({@code startStep} > 0 when resuming). */
    default void onStart(String model, long startStep, long totalSteps, int batch) {
    }

    /** After every step. */
    default void onStep(StepEvent event) {
    }

    /** After a checkpoint was written. */
    default void onCheckpoint(String model, long step, java.nio.file.Path directory) {
    }

    /**
     * One finished step.
     *
     * @param step            1-based step just done
     * @param epoch           1-based epoch it belongs to
     * @param imagesPerSecond training throughput of this session so far
     * @param secondsLeft     estimated time to the last step
     */
    record StepEvent(String model, long step, long totalSteps, int epoch, int epochs, float dLoss, float gLoss,
                     double imagesPerSecond, double secondsLeft) {
    }
}
