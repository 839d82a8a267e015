package org.melanogans.engine.train;

/**
 * What a finished training run reports.
 *
 * @param steps           optimizer steps done in total
 * @param epochs          epochs done in total
 * @param seconds         training wall time over all sessions (resumes included)
 * @param imagesPerSecond steps x batch / seconds
 * @param untrained       the generator's figures before training
 */
public record TrainingResult(long steps, int epochs, double seconds, double imagesPerSecond,
                             org.melanogans.engine.checkpoint.Untrained untrained) {
    /** EMD of the generator before training. */
    public double untrainedEmd() {
        return untrained.emd();
    }
}
