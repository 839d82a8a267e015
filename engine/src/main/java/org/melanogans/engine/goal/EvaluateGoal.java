package org.melanogans.engine.goal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.metrics.FolderEvaluation;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.ModelStatus;

/**
 * gan:evaluate: the paper's histogram metrics between any two folders of images, or of a run's
 * own samples against the training images of its plan (never rewriting the run).
 */
public final class EvaluateGoal {
    private EvaluateGoal() {
    }

    public static void run(Workspace workspace, EngineRequest.Evaluate request) {
        if ((request.real() == null) != (request.fake() == null)) {
            throw new UserException("gan:evaluate needs both -Dgan.real=DIR and -Dgan.fake=DIR (or neither, to"
                    + " evaluate a run)");
        }
        if (request.real() != null) {
            folders(workspace, request.real(), request.fake(), request.output());
        } else {
            run(workspace, request.run());
        }
    }

    /** The metrics between two folders, as JSON to the log or to {@code output}. */
    private static void folders(Workspace workspace, Path realDir, Path fakeDir, Path output) {
        Path real = workspace.resolve(realDir);
        Path fake = workspace.resolve(fakeDir);
        HistogramMetrics m = FolderEvaluation.evaluate(real, fake);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("real", real.toString());
        json.put("fake", fake.toString());
        json.put("real_images", FolderEvaluation.images(real).size());
        json.put("fake_images", FolderEvaluation.images(fake).size());
        json.putAll(Json.LENIENT.convertValue(m, new TypeReference<Map<String, Object>>() { }));
        if (output == null) {
            workspace.log().info(Json.line(json));
            return;
        }
        Path out = workspace.resolve(output);
        Json.write(out, json);
        workspace.log().info("Metrics written to " + out);
    }

    /**
     * Scores a run's own samples again, against the training images of its plan. The run is never
     * changed: figures that reproduce are said so; others go to a dated file of the run's
     * {@code reevaluations/} beside what the run recorded.
     */
    private static void run(Workspace workspace, String runId) {
        EngineLog log = workspace.log();
        Workspace.RunRecord record = workspace.readRun(workspace.experiment(), runId);
        RunLayout run = record.layout();
        Experiment plan = record.plan();
        if (!Files.isRegularFile(run.metrics())) {
            throw new UserException(run.metrics() + ": the run has no results to evaluate; finish it with mvn"
                    + " gan:train first");
        }
        MetricsFile recorded = MetricsFile.read(run.metrics());
        workspace.requireDataPath(plan);
        ImageSet data = workspace.data(plan);
        if (recorded.dataset() != null && !data.sha256().equals(recorded.dataset().sha256())) {
            throw new UserException(plan.data().path() + ": these are not the images " + run.id() + " trained on"
                    + " (sha256 " + data.sha256().substring(0, 12) + " against " + recorded.dataset().sha256()
                    .substring(0, Math.min(12, recorded.dataset().sha256().length())) + "); restore them to evaluate"
                    + " the run");
        }
        ColorHistogram real = ColorHistogram.of(data);
        Map<String, Reevaluation.Model> changed = new LinkedHashMap<>();
        for (ModelConfig model : plan.models()) {
            ModelMetrics entry = recorded.models().get(model.name());
            if (Workspace.usecaseGans(plan).contains(model.name()) || entry == null
                    || entry.status() != ModelStatus.COMPLETED) {
                continue;   // a stage GAN is scored inside the stage; a model without results has no samples
            }
            Path samples = run.gan(model.name()).samples();
            List<Path> files = Files.isDirectory(samples) ? FolderEvaluation.images(samples) : List.of();
            int planned = plan.sample().count();
            if (files.size() != planned || !files.equals(expected(samples, planned))) {
                throw new UserException(samples + ": holds " + files.size() + " images where the run wrote "
                        + planned + " (sample-00000.png ...); its samples were changed, so they cannot stand for the"
                        + " run any more");
            }
            HistogramMetrics now = HistogramMetrics.between(real, FolderEvaluation.histogram(samples));
            ModelMetrics.Histogram was = entry.histogram();
            if (ModelMetrics.Histogram.of(now).equals(was)) {
                log.info(String.format(Locale.ROOT, "%s: EMD %.5f and JS divergence %.5f of its %d samples: reproduced",
                        model.name(), now.emd(), now.jsDivergence(), planned));
            } else {
                log.warn(String.format(Locale.ROOT, "%s: EMD %.5f, JS divergence %.5f of its %d samples; the run"
                        + " recorded %s and %s", model.name(), now.emd(), now.jsDivergence(), planned, was.emd(),
                        was.jsDivergence()));
                changed.put(model.name(), new Reevaluation.Model(planned, was, ModelMetrics.Histogram.of(now)));
            }
        }
        if (!changed.isEmpty()) {
            String when = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .format(Instant.now().atOffset(ZoneOffset.UTC));
            Path file = run.reevaluation(when);
            Json.write(file, new Reevaluation(run.id(), when, changed));
            log.warn(changed.size() + " model(s) of " + run.id() + " did not reproduce; written to " + file
                    + " (the run's metrics.json is unchanged)");
        }
    }

    /** sample-00000.png ... in the folder: what a run writes. */
    private static List<Path> expected(Path samples, int count) {
        List<Path> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(samples.resolve(String.format(Locale.ROOT, "sample-%05d.png", i)));
        }
        return names;
    }

    /**
     * A re-evaluation that did not reproduce the run's figures.
     *
     * @param run    the run
     * @param when   UTC time of the re-evaluation
     * @param models per model, what the run recorded and what its samples give now
     */
    record Reevaluation(String run, String when, Map<String, Model> models) {
        record Model(int samples, ModelMetrics.Histogram recorded, ModelMetrics.Histogram now) {
        }
    }
}
