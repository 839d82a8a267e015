package org.melanogans.engine.train;

import java.util.Locale;
import org.melanogans.engine.EngineLog;

/** One log line every N steps (and on the last step): epoch, step, losses, images/s, ETA. */
public final class ProgressLog implements TrainingListener {
    private final EngineLog log;
    private final int every;

    public ProgressLog(EngineLog log, int every) {
        this.log = log;
        this.every = every;
    }

    @Override
    public void onStart(String model, long startStep, long totalSteps, int batch) {
        log.info(startStep == 0
                ? String.format(Locale.ROOT, "%s: training %d steps of batch %d", model, totalSteps, batch)
                : String.format(Locale.ROOT, "%s: resuming at step %d of %d", model, startStep, totalSteps));
    }

    @Override
    public void onStep(StepEvent e) {
        if (e.step() % every != 0 && e.step() != e.totalSteps()) {
            return;
        }
        log.info(String.format(Locale.ROOT, "%s epoch %d/%d step %d/%d  D %.4f  G %.4f  %.1f img/s  ETA %s",
                e.model(), e.epoch(), e.epochs(), e.step(), e.totalSteps(), e.dLoss(), e.gLoss(),
                e.imagesPerSecond(), duration(e.secondsLeft())));
    }

    @Override
    public void onCheckpoint(String model, long step, java.nio.file.Path directory) {
        log.debug(model + ": checkpoint at step " + step + " in " + directory);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }
}
