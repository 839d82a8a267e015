package org.melanogans.engine.experiment;

/**
 * How every model of the experiment is trained.
 *
 * @param epochs          passes over the training images
 * @param batch           images per step
 * @param learningRate    Adam learning rate (G and D)
 * @param beta1           Adam beta1
 * @param beta2           Adam beta2
 * @param logEvery        a progress line every this many steps
 * @param intraOpThreads  TensorFlow intra-op threads (0 = number of cores)
 * @param interOpThreads  TensorFlow inter-op threads (0 = number of cores)
 * @param bfloat16        let oneDNN run convolutions in bfloat16 (AMX) where the CPU has it
 */
public record TrainConfig(int epochs, int batch, double learningRate, double beta1, double beta2,
                          int logEvery, int intraOpThreads, int interOpThreads, boolean bfloat16) {
}
