package org.melanogans.engine.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.Json;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.sample.Sampler;
import org.melanogans.engine.train.TrainingGraph;
import org.melanogans.engine.train.TrainingListener;

/**
 * The learning curve: after every checkpoint, the EMD of a few fresh samples against the training
 * images, logged and appended to a JSON-lines file. Sampling reads the generator only, so the
 * curve never changes what is trained.
 */
final class EmdCurve implements TrainingListener {
    /** Samples scored after every checkpoint. */
    static final int SAMPLES = 256;

    private final TrainingGraph graph;
    private final ColorHistogram real;
    private final long seed;
    private final Path file;
    private final EngineLog log;

    /** One line of the file. */
    record Point(long step, double emd, int samples) {
    }

    EmdCurve(TrainingGraph graph, ColorHistogram real, long seed, Path file, EngineLog log) {
        this.graph = graph;
        this.real = real;
        this.seed = seed;
        this.file = file;
        this.log = log;
    }

    /**
     * On a resume, the curve is made whole: points past the restored checkpoint are dropped (they
     * are trained again), and the checkpoint's own point, lost when a run was stopped between
     * saving it and scoring it, is scored from the restored weights, which are the same.
     */
    @Override
    public void onStart(String name, long startStep, long totalSteps, int batch) {
        if (startStep == 0) {
            return;
        }
        List<Point> kept = Json.readLines(file, Point.class, "EMD record").stream()
                .filter(p -> p.step() <= startStep).toList();
        Json.writeLines(file, kept);
        if (kept.stream().noneMatch(p -> p.step() == startStep)) {
            onCheckpoint(name, startStep, null);
        }
    }

    @Override
    public void onCheckpoint(String name, long step, Path directory) {
        double emd = emd(graph, real, SAMPLES, seed);
        log.info(String.format(Locale.ROOT, "%s: step %d, EMD %.5f on %d samples", name, step, emd, SAMPLES));
        Json.append(file, new Point(step, emd, SAMPLES));
    }

    /** EMD of {@code count} fresh samples against the training images. */
    static double emd(TrainingGraph graph, ColorHistogram real, int count, long seed) {
        ColorHistogram fake = new ColorHistogram();
        Sampler.sample(graph, count, seed, (i, rgb) -> fake.add(rgb, 0, rgb.length));
        return HistogramMetrics.between(real, fake).emd();
    }
}
