package org.melanogans.engine.goal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.results.DatasetInfo;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.tf.SessionOptions;

/**
 * gan:evaluate: the paper's histogram metrics between any two folders of images, or of a run's
 * samples against its training images (rewriting the run's metrics.json).
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
            run(workspace, workspace.experiment(), request.run());
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

    /** Re-evaluates a run's samples against its training images and rewrites its metrics.json. */
    private static void run(Workspace workspace, Experiment experiment, String runId) {
        EngineLog log = workspace.log();
        workspace.requireDataPath(experiment);
        RunLayout run = RunDirectories.find(workspace.folder(experiment), runId);
        ImageSet data = workspace.data(experiment);
        ColorHistogram real = ColorHistogram.of(data);
        MetricsFile metrics = Files.isRegularFile(run.metrics()) ? MetricsFile.read(run.metrics())
                : MetricsFile.start(experiment.name(), run.id(), DatasetInfo.of(experiment.data().format(), data),
                        Environment.capture(experiment.seed(), SessionOptions.TENSORFLOW_VERSION));
        for (ModelConfig model : experiment.models()) {
            if (Workspace.usecaseGans(experiment).contains(model.name())) {
                continue;   // trained on melanoma inside the use-case stage, scored there
            }
            Path samples = run.gan(model.name()).samples();
            if (!Files.isDirectory(samples)) {
                log.warn(model.name() + ": no samples in " + samples + "; run mvn gan:sample first");
                continue;
            }
            int n = FolderEvaluation.images(samples).size();
            HistogramMetrics m = HistogramMetrics.between(real, FolderEvaluation.histogram(samples));
            ModelMetrics old = metrics.models().get(model.name());
            metrics = metrics.withModel(model.name(), old == null
                    ? ModelMetrics.completed(m, null, null, null, n) : old.rescored(m, n));
            log.info(String.format(Locale.ROOT, "%s: EMD %.5f, JS divergence %.5f over %d samples", model.name(),
                    m.emd(), m.jsDivergence(), n));
        }
        metrics.write(run.metrics());
        log.info("Metrics: " + run.metrics());
    }
}
