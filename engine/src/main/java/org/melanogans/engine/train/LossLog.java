package org.melanogans.engine.train;

import java.nio.file.Path;
import java.util.List;
import org.melanogans.engine.Json;

/**
 * Appends the losses of every N-th step to a JSON-lines file (the loss curves of the report).
 * On resume, lines past the restored checkpoint are dropped first, so the file never holds
 * steps that were trained twice.
 */
public final class LossLog implements TrainingListener {
    private final Path file;
    private final int every;

    /**
     * One line of the file.
     *
     * @param dLoss null when not finite
     * @param gLoss null when not finite
     */
    public record Point(long step, int epoch, Float dLoss, Float gLoss, double imagesPerSecond) {
    }

    public LossLog(Path file, int every) {
        this.file = file;
        this.every = every;
    }

    @Override
    public void onStart(String model, long startStep, long totalSteps, int batch) {
        List<Point> kept = Json.readLines(file, Point.class, "loss record").stream()
                .filter(p -> p.step() <= startStep).toList();
        Json.writeLines(file, kept);
    }

    @Override
    public void onStep(StepEvent e) {
        if (e.step() % every != 0 && e.step() != e.totalSteps()) {
            return;
        }
        Json.append(file, new Point(e.step(), e.epoch(), finite(e.dLoss()), finite(e.gLoss()),
                Math.round(e.imagesPerSecond() * 100) / 100.0));
    }

    private static Float finite(float v) {
        return Float.isFinite(v) ? v : null;
    }
}
