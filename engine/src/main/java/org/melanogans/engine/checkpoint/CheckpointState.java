package org.melanogans.engine.checkpoint;

/**
 * The JSON sidecar of a checkpoint: where training stood when the variables were saved.
 * Noise and data order are pure functions of (seed, step) and (seed, epoch), so step and epoch
 * are the whole random state.
 *
 * @param model        model name
 * @param step         optimizer steps done (the next step is step + 1)
 * @param epoch        completed epochs
 * @param stepsPerEpoch steps in one epoch (images / batch, the last partial batch dropped)
 * @param seed         the experiment seed the noise and order derive from
 * @param planHash     hash of the resolved plan the run was started with
 * @param dataSha256   hash of the prepared training images
 * @param untrainedEmd EMD of the generator before its first step (NaN if not measured)
 * @param trainSeconds training wall time accumulated up to this checkpoint
 * @param untrainedSwd SWD of the generator before its first step (null if not measured)
 * @param sha256       SHA-256 of each variables file, by file name, checked before a resume (null in
 *                     checkpoints written before checksums were kept: those are resumed unchecked)
 */
public record CheckpointState(String model, long step, int epoch, long stepsPerEpoch, long seed, String planHash,
                              String dataSha256, double untrainedEmd, double trainSeconds, Double untrainedSwd,
                              java.util.Map<String, String> sha256) {
    /** A checkpoint's state before its files are written: the store adds their checksums. */
    public CheckpointState(String model, long step, int epoch, long stepsPerEpoch, long seed, String planHash,
                           String dataSha256, double untrainedEmd, double trainSeconds, Double untrainedSwd) {
        this(model, step, epoch, stepsPerEpoch, seed, planHash, dataSha256, untrainedEmd, trainSeconds, untrainedSwd,
                null);
    }

    /** The same state with the checksums of its variables files. */
    CheckpointState withChecksums(java.util.Map<String, String> checksums) {
        return new CheckpointState(model, step, epoch, stepsPerEpoch, seed, planHash, dataSha256, untrainedEmd,
                trainSeconds, untrainedSwd, new java.util.TreeMap<>(checksums));
    }

    /** The untrained generator's figures this checkpoint carries. */
    public Untrained untrained() {
        return new Untrained(untrainedEmd, untrainedSwd);
    }
}
