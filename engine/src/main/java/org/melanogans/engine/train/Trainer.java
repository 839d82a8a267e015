package org.melanogans.engine.train;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.melanogans.engine.UserException;
import org.melanogans.engine.checkpoint.CheckpointState;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.checkpoint.CheckpointStore.Checkpoint;
import org.melanogans.engine.checkpoint.Untrained;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.data.Shuffle;
import org.melanogans.engine.experiment.TrainConfig;

/**
 * The training loop of one model: epochs of shuffled batches, a checkpoint after every epoch,
 * resume from the newest checkpoint, and a stop with a clear message when a loss stops being
 * finite (the last good checkpoint stays).
 *
 * <p>Data order and noise are functions of (seed, epoch) and (seed, step), so a run resumed from a
 * checkpoint trains on exactly the batches and noise an uninterrupted run would have.
 */
public final class Trainer {
    private static final long ORDER_STREAM = 0x0DE7L;
    private static final long NOISE_STREAM = 0x2015EL;

    private final String model;
    private final TrainingGraph graph;
    private final ImageSet data;
    private final TrainConfig train;
    private final long seed;
    private final CheckpointStore store;
    private final String planHash;
    private final List<TrainingListener> listeners;
    private final int checkpointEpochs;

    /**
     * @param checkpointEpochs a checkpoint every this many epochs and at the end (small data sets
     *                         have epochs of a few steps, too short to save after each)
     */
    public Trainer(String model, TrainingGraph graph, ImageSet data, TrainConfig train, long seed,
                   CheckpointStore store, String planHash, List<TrainingListener> listeners, int checkpointEpochs) {
        if (checkpointEpochs < 1) {
            throw new IllegalArgumentException("checkpoint every " + checkpointEpochs + " epochs");
        }
        this.checkpointEpochs = checkpointEpochs;
        this.model = model;
        this.graph = graph;
        this.data = data;
        this.train = train;
        this.seed = seed;
        this.store = store;
        this.planHash = planHash;
        this.listeners = List.copyOf(listeners);
    }

    /** Steps in one epoch: the last partial batch is dropped (batch norm wants full batches). */
    public long stepsPerEpoch() {
        return data.count() / train.batch();
    }

    /**
     * Trains to the planned number of epochs, resuming from the newest checkpoint if there is one.
     *
     * @param untrained measures the generator before its first step (called only on a fresh start)
     */
    public TrainingResult run(Supplier<Untrained> untrained) {
        long perEpoch = stepsPerEpoch();
        if (perEpoch == 0) {
            throw new UserException(model + ": " + data.count() + " training images are fewer than one batch of "
                    + train.batch() + "; lower train.batch or add images");
        }
        long total = perEpoch * train.epochs();
        long step = 0;
        double seconds = 0;
        Untrained before;
        Optional<Checkpoint> resume = store.latest();
        if (resume.isPresent()) {
            CheckpointState s = resume.get().state();
            if (!planHash.equals(s.planHash()) || !data.sha256().equals(s.dataSha256())) {
                throw new UserException(resume.get().directory() + ": checkpoint was made with a different "
                        + (planHash.equals(s.planHash()) ? "training data set" : "plan")
                        + "; run again with -Dgan.fresh to start a new run");
            }
            graph.restore(resume.get().variablesPrefix());
            step = s.step();
            seconds = s.trainSeconds();
            before = s.untrained();
        } else {
            before = untrained.get();
        }
        for (TrainingListener l : listeners) {
            l.onStart(model, step, total, train.batch());
        }
        int batch = train.batch();
        int res = data.resolution();
        float[] real = new float[batch * res * res * 3];
        float[] noise = new float[batch * graph.model().noiseSize()];
        int[] indices = new int[batch];
        int[] order = null;
        int orderEpoch = -1;
        long sessionStart = System.nanoTime();
        long sessionSteps = 0;
        double secondsBefore = seconds;
        while (step < total) {
            int epoch = (int) (step / perEpoch);
            if (epoch != orderEpoch) {
                order = Shuffle.permutation(data.count(), NoiseSource.mix(seed ^ ORDER_STREAM, epoch));
                orderEpoch = epoch;
            }
            int position = (int) (step % perEpoch);
            System.arraycopy(order, position * batch, indices, 0, batch);
            data.copyAsFloats(indices, real);
            NoiseSource.fill(noise, seed ^ NOISE_STREAM, step);
            TrainingGraph.StepLosses losses = graph.step(real, noise, step + 1);
            step++;
            sessionSteps++;
            if (!losses.finite()) {
                String last = store.latest().map(c -> c.directory() + " (step " + c.state().step() + ")")
                        .orElse("none (it diverged before the first checkpoint)");
                throw new TrainingDivergedException(String.format(Locale.ROOT,
                        "%s: training diverged at step %d (epoch %d): D loss %s, G loss %s; last good checkpoint: %s;"
                                + " lower train.learning_rate or check the data, then run with -Dgan.fresh",
                        model, step, epoch + 1, losses.discriminator(), losses.generator(), last));
            }
            double elapsed = (System.nanoTime() - sessionStart) / 1e9;
            seconds = secondsBefore + elapsed;
            double rate = sessionSteps * batch / elapsed;
            TrainingListener.StepEvent event = new TrainingListener.StepEvent(model, step, total,
                    (int) ((step - 1) / perEpoch) + 1, train.epochs(), losses.discriminator(), losses.generator(),
                    rate, (total - step) * batch / rate);
            for (TrainingListener l : listeners) {
                l.onStep(event);
            }
            if ((step % (perEpoch * checkpointEpochs) == 0) || step == total) {
                CheckpointState state = new CheckpointState(model, step, (int) (step / perEpoch), perEpoch, seed,
                        planHash, data.sha256(), before.emd(), seconds, before.swd());
                Checkpoint c = store.save(state, graph::save);
                for (TrainingListener l : listeners) {
                    l.onCheckpoint(model, step, c.directory());
                }
            }
        }
        return new TrainingResult(step, (int) (step / perEpoch), seconds,
                seconds > 0 ? step * batch / seconds : 0, before);
    }
}
