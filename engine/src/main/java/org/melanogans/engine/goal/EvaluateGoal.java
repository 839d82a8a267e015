package org.melanogans.engine.goal;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.GanUnit;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.RunLock;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.metrics.FolderEvaluation;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.StructureMetrics;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.SeedFigures;

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

    /**
     * The metrics between two folders, as JSON to the log or to {@code output}: the histograms over
     * every pixel at native size, the structural metrics with the experiment's {@code metrics:}
     * settings (the real folder taken as the training images).
     */
    private static void folders(Workspace workspace, Path realDir, Path fakeDir, Path output) {
        Path real = workspace.resolve(realDir);
        Path fake = workspace.resolve(fakeDir);
        Experiment experiment = workspace.experiment();
        HistogramMetrics m = FolderEvaluation.evaluate(real, fake);
        ImageSet realImages = FolderEvaluation.load(real);
        ImageSet fakeImages = FolderEvaluation.load(fake);
        StructureMetrics.Settings settings = StructureMetrics.Settings.of(experiment.metrics(), experiment.seed(),
                experiment.train().intraOpThreads());
        String problem = fakeImages.resolution() != realImages.resolution()
                ? fake + " holds images of " + fakeImages.resolution() + " px, " + real + " of "
                + realImages.resolution() + " px; the structural metrics compare one size"
                : StructureMetrics.problem(realImages.count(), fakeImages.count(), realImages.resolution(), settings);
        if (problem != null) {
            throw new UserException(fake + " against " + real + ": " + problem);
        }
        StructureMetrics structure = StructureMetrics.between(realImages, fakeImages, settings);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("real", real.toString());
        json.put("fake", fake.toString());
        json.put("real_images", realImages.count());
        json.put("fake_images", fakeImages.count());
        json.putAll(Json.LENIENT.convertValue(m, new TypeReference<Map<String, Object>>() { }));
        json.putAll(Json.LENIENT.convertValue(ModelMetrics.Structure.of(structure),
                new TypeReference<Map<String, Object>>() { }));
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
    @SuppressWarnings("try")   // the lock is held by the try, not used in it
    private static void run(Workspace workspace, String runId) {
        EngineLog log = workspace.log();
        Map<String, Workspace.RunRecord> runs = workspace.resultRuns(workspace.experiment(), runId);
        if (runs.isEmpty()) {
            log.info("nothing to evaluate: " + (runId == null ? "latest" : runId) + " has no completed model");
            return;
        }
        Map<String, ImageSet> realOf = new HashMap<>();
        Map<String, Map<String, Reevaluation.Model>> changed = new LinkedHashMap<>();
        for (Map.Entry<String, Workspace.RunRecord> result : runs.entrySet()) {
            String model = result.getKey();
            RunLayout run = result.getValue().layout();
            Experiment plan = result.getValue().plan();
            MetricsFile recorded = MetricsFile.read(run.metrics());
            ImageSet real = realOf.computeIfAbsent(run.id(), id -> realImages(workspace, plan, recorded, run));
            ModelMetrics entry = recorded.models().get(model);
            for (GanUnit unit : run.units(model, plan.seeds())) {
                Reevaluation.Model different = reevaluate(unit, entry, plan, real, run.id(), log);
                if (different != null) {
                    changed.computeIfAbsent(run.id(), id -> new LinkedHashMap<>()).put(unit.label(), different);
                }
            }
        }
        String when = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                .format(Instant.now().atOffset(ZoneOffset.UTC));
        changed.forEach((id, models) -> {
            RunLayout run = workspace.folder(workspace.experiment()).run(ExperimentFolder.runNumber(id));
            Path file = run.reevaluation(when);
            try (RunLock lock = RunLock.acquire(run, "gan:evaluate", "wait for it to end", log::warn)) {
                Json.write(file, new Reevaluation(id, when, models));
            }
            log.warn(models.size() + " model(s) of " + id + " did not reproduce; written to " + file
                    + " (the run's metrics.json is unchanged)");
        });
    }

    /**
     * Scores one unit's samples again; null when they give what the run recorded, else both.
     * Entries written before models had seeds hold their one seed's figures themselves.
     */
    private static Reevaluation.Model reevaluate(GanUnit unit, ModelMetrics entry, Experiment plan, ImageSet real,
                                                 String runId, EngineLog log) {
        Path samples = unit.layout().samples();
        List<Path> files = Files.isDirectory(samples) ? FolderEvaluation.images(samples) : List.of();
        int planned = plan.sample().count();
        if (files.size() != planned || !files.equals(expected(samples, planned))) {
            throw new UserException(samples + ": holds " + files.size() + " images where the run wrote "
                    + planned + " (sample-00000.png ...); its samples were changed, so they cannot stand for the"
                    + " run any more");
        }
        SeedFigures seed = entry.seeds() == null ? null
                : entry.seeds().stream().filter(f -> f.seed() == unit.seed()).findFirst().orElse(null);
        ModelMetrics.Histogram recordedHistogram = seed == null ? entry.histogram() : seed.histogram();
        ModelMetrics.Structure recordedStructure = seed == null ? entry.structure() : seed.structure();
        HistogramMetrics histogram = HistogramMetrics.between(ColorHistogram.of(real),
                FolderEvaluation.histogram(samples));
        ModelMetrics.Histogram now = ModelMetrics.Histogram.of(histogram);
        // runs scored before the structural metrics existed are re-evaluated on their histograms
        ModelMetrics.Structure structureNow = recordedStructure.swd() == null ? recordedStructure
                : ModelMetrics.Structure.of(StructureMetrics.between(real, FolderEvaluation.load(samples),
                StructureMetrics.Settings.of(plan.metrics(), plan.seed(), plan.train().intraOpThreads())));
        if (now.equals(recordedHistogram) && structureNow.equals(recordedStructure)) {
            log.info(String.format(Locale.ROOT, "%s: EMD %.5f and JS divergence %.5f of its %d samples in %s:"
                    + " reproduced", unit.label(), histogram.emd(), histogram.jsDivergence(), planned, runId));
            return null;
        }
        log.warn(String.format(Locale.ROOT, "%s: EMD %.5f, JS divergence %.5f, SWD %s of its %d samples in"
                + " %s; the run recorded %s, %s and %s", unit.label(), histogram.emd(), histogram.jsDivergence(),
                structureNow.swd(), planned, runId, recordedHistogram.emd(), recordedHistogram.jsDivergence(),
                recordedStructure.swd()));
        return new Reevaluation.Model(planned, recordedHistogram, now, recordedStructure, structureNow);
    }

    /** The images the run trained on, which must be the ones it recorded. */
    private static ImageSet realImages(Workspace workspace, Experiment plan, MetricsFile recorded,
                                             RunLayout run) {
        workspace.requireDataPath(plan);
        ImageSet data = workspace.data(plan);
        if (recorded.dataset() != null && !data.sha256().equals(recorded.dataset().sha256())) {
            throw new UserException(plan.data().path() + ": these are not the images " + run.id() + " trained on"
                    + " (sha256 " + data.sha256().substring(0, 12) + " against " + recorded.dataset().sha256()
                    .substring(0, Math.min(12, recorded.dataset().sha256().length())) + "); restore them to evaluate"
                    + " the run");
        }
        return data;
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
     * @param models per model (per model and seed, "dcgan (seed 2)", when it has several), what the
     *               run recorded and what its samples give now
     */
    record Reevaluation(String run, String when, Map<String, Model> models) {
        record Model(int samples, ModelMetrics.Histogram recorded, ModelMetrics.Histogram now,
                     ModelMetrics.Structure recordedStructure, ModelMetrics.Structure nowStructure) {
        }
    }
}
