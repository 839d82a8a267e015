package org.melanogans.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.data.DatasetLoader;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.PyramidConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.experiment.YamlNames;
import org.melanogans.engine.metrics.Baseline;
import org.melanogans.engine.metrics.DatasetInfo;
import org.melanogans.engine.metrics.Environment;
import org.melanogans.engine.metrics.MetricsHistory;
import org.melanogans.engine.metrics.ModelMetrics;
import org.melanogans.engine.metrics.ModelStatus;
import org.melanogans.engine.metrics.CheckResult;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.metrics.FolderEvaluation;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.MetricsFile;
import org.melanogans.engine.metrics.RegressionCheck;
import org.melanogans.engine.metrics.UsecaseMetrics;
import org.melanogans.engine.plan.PlanYaml;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.plan.RunPlan;
import org.melanogans.engine.report.AllureCommandLine;
import org.melanogans.engine.report.AllureResults;
import org.melanogans.engine.report.Comparison;
import org.melanogans.engine.report.Comparisons;
import org.melanogans.engine.report.Plots;
import org.melanogans.engine.report.RunReport;
import org.melanogans.engine.sample.SampleGrid;
import org.melanogans.engine.sample.SampleWriter;
import org.melanogans.engine.sample.Sampler;
import org.melanogans.engine.tf.SessionOptions;
import org.melanogans.engine.train.LossLog;
import org.melanogans.engine.train.ProgressLog;
import org.melanogans.engine.train.Trainer;
import org.melanogans.engine.train.TrainingBenchmark;
import org.melanogans.engine.train.TrainingGraph;
import org.melanogans.engine.train.TrainingListener;
import org.melanogans.engine.train.TrainingResult;
import org.melanogans.engine.usecase.UsecaseStage;

/**
 * The engine's front door: one method per goal. Front ends (the Maven plugin) parse their
 * parameters, call these, and print what comes back; every user mistake arrives as a
 * {@link UserException} with a one-line message.
 */
public final class GanEngine {
    /** Samples drawn after every epoch to log the EMD as training goes (a learning curve). */
    static final int EPOCH_SAMPLES = 256;

    private final Path baseDir;
    private final Path reportsRoot;
    private final EngineLog log;

    /**
     * @param baseDir     relative paths in experiments and on the command line resolve against it
     * @param reportsRoot where runs are written ({@code reports/})
     */
    public GanEngine(Path baseDir, Path reportsRoot, EngineLog log) {
        this.baseDir = baseDir.toAbsolutePath().normalize();
        this.reportsRoot = reportsRoot.toAbsolutePath().normalize();
        this.log = log;
    }

    public Map<String, String> parseOverrides(String spec) {
        return new LinkedHashMap<>(spec == null || spec.isBlank() ? Map.of() : ExperimentLoader.parseOverrides(spec));
    }

    /**
     * Loads an experiment; {@code file == null} means {@code experiments/quickstart.yaml} when it
     * exists, else the quickstart experiment embedded in the engine.
     */
    public Experiment loadExperiment(Path file, Map<String, String> overrides, Map<String, String> env) {
        if (file == null) {
            Path quickstart = baseDir.resolve("experiments").resolve("quickstart.yaml");
            if (!Files.isRegularFile(quickstart)) {
                log.info("No experiment given and no experiments/quickstart.yaml here: using the embedded quickstart");
                return ExperimentLoader.loadEmbeddedDefault(baseDir, overrides, env);
            }
            file = quickstart;
        }
        Path resolved = baseDir.resolve(file);
        if (!Files.isRegularFile(resolved)) {
            throw new UserException(resolved + ": experiment file not found; pass -Dgan.experiment=experiments/<name>.yaml");
        }
        return ExperimentLoader.load(resolved, baseDir, overrides, env);
    }

    /** The resolved plan as YAML (what {@code -Dgan.dryRun} prints and every run stores). */
    public String plan(Experiment experiment) {
        requireDataPath(experiment);
        return PlanYaml.write(experiment);
    }

    /**
     * Trains, samples and evaluates the experiment's models (or the named subset) in turn. A model
     * that fails is recorded as failed and the others still run; the failure is reported at the end.
     *
     * @return the run's metrics.json
     */
    public Path train(Experiment experiment, boolean fresh, List<String> modelNames) {
        List<ModelConfig> models = select(experiment, modelNames);
        // the use-case's GANs train on melanoma inside the stage, not on the whole data set
        List<String> usecaseGans = usecaseGans(experiment);
        for (String name : modelNames) {
            if (usecaseGans.contains(name)) {
                throw new UserException(experiment.source() + ": " + name + " trains only inside the use-case stage "
                        + "(usecase.gans); run without -Dgan.models to run the stage");
            }
        }
        List<ModelConfig> histogramModels = models.stream().filter(m -> !usecaseGans.contains(m.name())).toList();
        boolean runUsecase = experiment.usecase() != null && modelNames.isEmpty();
        requireDataPath(experiment);
        RunPlan plan = RunDirectories.open(experiment, reportsRoot, fresh, log);
        log.info("Run directory: " + plan.runDir());
        ImageSet data = loadData(experiment);
        UsecaseStage stage = runUsecase ? new UsecaseStage(experiment, plan, log) : null;
        if (stage != null) {
            stage.preflight(data);
        } else if (experiment.usecase() != null) {
            log.info("usecase: skipped (-Dgan.models names a subset of the models)");
        }
        Path metricsPath = plan.runDir().resolve("metrics.json");
        MetricsFile metrics = Files.isRegularFile(metricsPath) ? MetricsFile.read(metricsPath)
                : newMetrics(experiment, plan.runId(), data);
        List<String> failures = new ArrayList<>();
        if (!histogramModels.isEmpty()) {
            ColorHistogram real = ColorHistogram.of(data);
            for (ModelConfig model : histogramModels) {
                try {
                    metrics = metrics.withModel(model.name(), trainModel(experiment, plan, data, real, model));
                } catch (RuntimeException e) {
                    String message = describe(e);
                    log.warn(model.name() + " failed: " + message);
                    failures.add(message);
                    metrics = metrics.withModel(model.name(), ModelMetrics.failed(message));
                }
                metrics.write(metricsPath);
                RunDirectories.publishLatest(plan, metricsPath);
            }
        }
        if (stage != null) {
            try {
                metrics = metrics.withUsecase(stage.run(data));
            } catch (RuntimeException e) {
                String message = describe(e);
                log.warn("usecase failed: " + message);
                failures.add(message);
                metrics = metrics.withUsecase(UsecaseMetrics.failed(message));
            }
            metrics.write(metricsPath);
            RunDirectories.publishLatest(plan, metricsPath);
        }
        log.info("Metrics: " + metricsPath);
        if (failures.isEmpty()) {
            // before the report, so the value trends attached to it end with this run
            MetricsHistory.append(reportsRoot.resolve(experiment.name()).resolve("history.jsonl"), metrics);
        }
        List<Comparison> comparisons = RunReport.write(experiment, metrics, plan.runDir());
        log.info("Allure results: " + comparisons.size() + " comparisons with the paper " + Comparisons.count(comparisons)
                + " in " + plan.runDir().resolve(RunReport.RESULTS));
        int stages = histogramModels.size() + (runUsecase ? 1 : 0);
        if (!failures.isEmpty()) {
            throw new UserException(failures.size() + " of " + stages + (runUsecase ? " models and stages" : " models")
                    + " failed (results of the others are in " + metricsPath + "): " + failures.get(0));
        }
        if (runUsecase || experiment.usecase() == null && models.size() == experiment.models().size()) {
            RunDirectories.markComplete(plan);
        }
        return metricsPath;
    }

    private static List<String> usecaseGans(Experiment experiment) {
        return experiment.usecase() == null ? List.of() : experiment.usecase().gans();
    }

    /** One line for the log and metrics.json: the user-facing message, or what failed on which file. */
    private static String describe(RuntimeException e) {
        if (e instanceof UserException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException io) {
            return "I/O error (" + io.getCause().getClass().getSimpleName() + "): " + io.getCause().getMessage();
        }
        return e.toString();
    }

    private static MetricsFile newMetrics(Experiment e, String runId, ImageSet data) {
        return MetricsFile.start(e.name(), runId, DatasetInfo.of(e.data().format(), data),
                Environment.capture(e.seed(), SessionOptions.TENSORFLOW_VERSION));
    }

    private ModelMetrics trainModel(Experiment e, RunPlan plan, ImageSet data, ColorHistogram real,
                                                ModelConfig model) {
        Path modelDir = plan.runDir().resolve("models").resolve(model.name());
        try (TrainingGraph graph = new TrainingGraph(model, e.train(), data.resolution(), e.seed())) {
            log.info(String.format(Locale.ROOT, "%s: %s, %d px, generator %,d parameters, discriminator %,d",
                    model.name(), YamlNames.of(model.type()), data.resolution(),
                    graph.generatorParameterCount(), graph.discriminatorParameterCount()));
            Trainer trainer = new Trainer(model.name(), graph, data, e.train(), e.seed(),
                    new CheckpointStore(modelDir.resolve("checkpoints")), plan.planHash(),
                    List.of(new ProgressLog(log, e.train().logEvery()),
                            new LossLog(modelDir.resolve("losses.jsonl"), e.train().logEvery()),
                            new TrainingListener() {
                                @Override
                                public void onCheckpoint(String name, long step, Path directory) {
                                    double emd = emdOf(graph, real, EPOCH_SAMPLES, e.seed());
                                    log.info(String.format(Locale.ROOT, "%s: step %d, EMD %.5f on %d samples",
                                            name, step, emd, EPOCH_SAMPLES));
                                    appendLine(modelDir.resolve("emd.jsonl"), String.format(Locale.ROOT,
                                            "{\"step\":%d,\"emd\":%.6f,\"samples\":%d}", step, emd, EPOCH_SAMPLES));
                                }
                            }));
            TrainingResult result = trainer.run(() -> {
                double emd = emdOf(graph, real, e.sample().count(), e.seed());
                log.info(String.format(Locale.ROOT, "%s: untrained generator EMD %.5f", model.name(), emd));
                return emd;
            });
            ColorHistogram fake = writeSamples(graph, plan.runDir(), model.name(), e.sample().count(),
                    e.sample().grid(), e.seed());
            HistogramMetrics m = HistogramMetrics.between(real, fake);
            Plots.histograms(real, fake, model.name() + " against the training images",
                    RunReport.histogramPlot(plan.runDir(), model.name()));
            log.info(String.format(Locale.ROOT, "%s: EMD %.5f (untrained %.5f), JS divergence %.5f, %d samples in %s",
                    model.name(), m.emd(), result.untrainedEmd(), m.jsDivergence(), e.sample().count(),
                    plan.runDir().resolve("samples").resolve(model.name())));
            return ModelMetrics.completed(m, result.untrainedEmd(), graph.generatorParameterCount(),
                    graph.discriminatorParameterCount(), result.imagesPerSecond(), result.epochs(), result.steps(),
                    result.seconds(), e.sample().count());
        }
    }

    /** EMD of {@code count} fresh samples against the training images. */
    private static double emdOf(TrainingGraph graph, ColorHistogram real, int count, long seed) {
        ColorHistogram fake = new ColorHistogram();
        Sampler.sample(graph, count, seed, (i, rgb) -> fake.add(rgb, 0, rgb.length));
        return HistogramMetrics.between(real, fake).emd();
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Replaces the model's samples in {@code <run>/samples/<model>/} and its grid
     * {@code <run>/grids/<model>.png} (multi-scale models also get {@code grids/<model>/<side>px.png}
     * per scale: a folder per model, so no model name can collide with another's grid); returns the
     * samples' colour histogram.
     */
    private static ColorHistogram writeSamples(TrainingGraph graph, Path runDir, String model, int count, int grid,
                                               long seed) {
        Path dir = runDir.resolve("samples").resolve(model);
        SampleWriter.clearSamples(dir);
        SampleWriter writer = new SampleWriter(dir, runDir.resolve("grids").resolve(model + ".png"),
                graph.model().resolution(), grid);
        ColorHistogram fake = new ColorHistogram();
        Sampler.sample(graph, count, seed, (i, rgb) -> {
            writer.accept(i, rgb);
            fake.add(rgb, 0, rgb.length);
        });
        writer.writeGrid();
        List<Integer> scales = graph.model().scales();
        if (scales.size() > 1) {
            // one grid per scale, from the same noise as the samples: the pyramid of each sample
            List<SampleGrid> grids = scales.stream().map(side -> new SampleGrid(side, grid)).toList();
            Sampler.sampleScales(graph, grid * grid, seed, (i, perScale) -> {
                for (int k = 0; k < perScale.size(); k++) {
                    grids.get(k).add(i, perScale.get(k));
                }
            });
            for (int k = 0; k < scales.size(); k++) {
                grids.get(k).write(runDir.resolve("grids").resolve(model).resolve(scales.get(k) + "px.png"));
            }
        }
        return fake;
    }

    /**
     * Draws samples from the newest checkpoint of each model (or the named one) of a run into
     * {@code <run>/samples/<model>/}.
     */
    public void sample(Experiment experiment, String run, String modelName, int count, Long seed) {
        Path runDir = RunDirectories.runDirectory(reportsRoot, experiment.name(), run);
        int n = count > 0 ? count : experiment.sample().count();
        long s = seed != null ? seed : experiment.seed();
        if (modelName != null && usecaseGans(experiment).contains(modelName)) {
            throw new UserException(experiment.source() + ": " + modelName + " trains inside the use-case stage, one"
                    + " GAN per seed; its samples are in " + runDir.resolve("usecase") + "/seed-<seed>/synthetic/"
                    + modelName + "/");
        }
        for (ModelConfig model : select(experiment, modelName == null ? List.of() : List.of(modelName))) {
            if (usecaseGans(experiment).contains(model.name())) {
                continue;   // no whole-data checkpoint: its per-seed samples are kept by the stage
            }
            Path modelDir = runDir.resolve("models").resolve(model.name());
            CheckpointStore store = new CheckpointStore(modelDir.resolve("checkpoints"));
            var checkpoint = store.latest().orElseThrow(() -> new UserException(modelDir
                    + ": no checkpoint to sample from; run mvn gan:train first"));
            try (TrainingGraph graph = new TrainingGraph(model, experiment.train(), experiment.data().resolution(),
                    experiment.seed())) {
                graph.restore(checkpoint.variablesPrefix());
                writeSamples(graph, runDir, model.name(), n, experiment.sample().grid(), s);
                log.info(model.name() + ": " + n + " samples from step " + checkpoint.state().step() + " in "
                        + runDir.resolve("samples").resolve(model.name()));
            }
        }
    }

    /** Re-evaluates a run's samples against its training images and rewrites its metrics.json. */
    public Path evaluateRun(Experiment experiment, String run) {
        requireDataPath(experiment);
        Path runDir = RunDirectories.runDirectory(reportsRoot, experiment.name(), run);
        Path metricsPath = runDir.resolve("metrics.json");
        ImageSet data = loadData(experiment);
        ColorHistogram real = ColorHistogram.of(data);
        MetricsFile metrics = Files.isRegularFile(metricsPath) ? MetricsFile.read(metricsPath)
                : newMetrics(experiment, runDir.getFileName().toString(), data);
        for (ModelConfig model : experiment.models()) {
            if (usecaseGans(experiment).contains(model.name())) {
                continue;   // trained on melanoma inside the use-case stage, scored there
            }
            Path samples = runDir.resolve("samples").resolve(model.name());
            if (!Files.isDirectory(samples)) {
                log.warn(model.name() + ": no samples in " + samples + "; run mvn gan:sample first");
                continue;
            }
            ColorHistogram fake = FolderEvaluation.histogram(samples);
            int n = FolderEvaluation.images(samples).size();
            HistogramMetrics m = HistogramMetrics.between(real, fake);
            metrics = metrics.withModel(model.name(), reevaluated(metrics.models().get(model.name()), m, n));
            log.info(String.format(Locale.ROOT, "%s: EMD %.5f, JS divergence %.5f over %d samples", model.name(),
                    m.emd(), m.jsDivergence(), n));
        }
        metrics.write(metricsPath);
        log.info("Metrics: " + metricsPath);
        return metricsPath;
    }

    /** The metrics between any two image folders, as JSON (also written to {@code output} if given). */
    /** An entry with new metrics and everything else (training figures) kept. */
    private static ModelMetrics reevaluated(ModelMetrics old, HistogramMetrics m, int samples) {
        if (old == null) {
            return new ModelMetrics(ModelStatus.COMPLETED, m.emd(), m.jsDivergence(), m.jsDistance(),
                    m.jsDivergenceBase2(), m.perChannel(), null, null, null, null, null, null, null, samples, null);
        }
        return new ModelMetrics(ModelStatus.COMPLETED, m.emd(), m.jsDivergence(), m.jsDistance(), m.jsDivergenceBase2(),
                m.perChannel(), old.untrainedEmd(), old.parameters(), old.discriminatorParameters(),
                old.trainImagesPerSecond(), old.epochs(), old.steps(), old.trainSeconds(), samples, null);
    }

    public String evaluateFolders(Path real, Path fake, Path output) {
        HistogramMetrics m = FolderEvaluation.evaluate(baseDir.resolve(real), baseDir.resolve(fake));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("real", baseDir.resolve(real).toString());
        json.put("fake", baseDir.resolve(fake).toString());
        try {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
            json.put("real_images", FolderEvaluation.images(baseDir.resolve(real)).size());
            json.put("fake_images", FolderEvaluation.images(baseDir.resolve(fake)).size());
            json.putAll(mapper.convertValue(m, new TypeReference<Map<String, Object>>() { }));
            String text = mapper.writeValueAsString(json);
            if (output != null) {
                Path out = baseDir.resolve(output);
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                Files.writeString(out, text + "\n");
            }
            return text;
        } catch (IOException e) {
            throw new UserException(output + ": cannot write metrics (" + e.getMessage() + ")");
        }
    }

    public Path latestMetrics(Experiment experiment) {
        Path file = reportsRoot.resolve(experiment.name()).resolve("latest").resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no metrics yet; run mvn gan:train"
                    + (experiment.source() == null ? "" : " -Dgan.experiment=" + baseDir.relativize(
                    experiment.source().toAbsolutePath())) + " first, or pass -Dgan.metrics=FILE");
        }
        return file;
    }

    public Path defaultBaseline(Experiment experiment) {
        return baseDir.resolve("experiments").resolve("baselines").resolve(experiment.name() + ".json");
    }

    public CheckResult check(Path metricsFile, Path baselineFile) {
        if (!Files.isRegularFile(baselineFile)) {
            throw new UserException(baselineFile + ": no baseline; create it from the current metrics with"
                    + " -Dgan.updateBaseline, or pass -Dgan.baseline=FILE");
        }
        return RegressionCheck.run(MetricsFile.read(metricsFile), Baseline.read(baselineFile));
    }

    /**
     * gan:check on the experiment's newest run: the result also goes into that run's Allure results,
     * so gan:report shows regressions as failed tests.
     */
    public CheckResult checkLatestRun(Experiment experiment, Path baselineFile) {
        CheckResult result = check(latestMetrics(experiment), baselineFile);
        // a latest/metrics.json put there by hand has no run to attach the results to
        RunDirectories.newestRun(reportsRoot, experiment.name()).ifPresent(run ->
                AllureResults.writeCheck(run.resolve(RunReport.RESULTS), experiment.name(), result));
        return result;
    }

    public void updateBaseline(Path metricsFile, Path baselineFile) {
        Baseline.fromMetrics(MetricsFile.read(metricsFile)).write(baselineFile);
    }

    public ModelType modelType(String name) {
        for (ModelType t : ModelType.values()) {
            if (YamlNames.of(t).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new UserException("gan.model: unknown model '" + name + "'; allowed: "
                + Arrays.stream(ModelType.values()).map(YamlNames::of).toList());
    }

    public TrainingBenchmark.Result bench(ModelType type, int resolution, int batch, int zDim, int baseChannels,
                                          int steps, int warmup, int intraOpThreads, int interOpThreads,
                                          boolean bfloat16) {
        if (resolution < 16 || Integer.bitCount(resolution) != 1 || steps < 1 || warmup < 0 || batch < 1) {
            throw new UserException("gan:bench: resolution must be a power of two >= 16, steps >= 1, warmup >= 0,"
                    + " batch >= 1");
        }
        ModelConfig model = new ModelConfig(YamlNames.of(type), type, zDim, baseChannels);
        int coarsest = model.pyramid().coarsestSide(resolution);
        if (type.multiScale() && coarsest < PyramidConfig.MIN_COARSEST_SIDE) {
            throw new UserException("gan:bench: " + YamlNames.of(type) + " has " + model.pyramid().levels()
                    + " levels, so its coarsest is " + coarsest + " px at resolution " + resolution + "; use "
                    + "-Dgan.resolution=" + (PyramidConfig.MIN_COARSEST_SIDE << (model.pyramid().levels() - 1))
                    + " or more");
        }
        TrainConfig train = new TrainConfig(1, batch, 2e-4, 0.5, 0.999, 1, intraOpThreads, interOpThreads, bfloat16);
        return TrainingBenchmark.run(model, train, resolution, warmup, steps, 1);
    }

    /**
     * Fails, naming the experiment file and the fix, when the experiment's images are needed but
     * its data folder was given nowhere (file, -Dgan.data, ISIC2017_DIR). Checked by the goals that
     * read images, not when loading, so gan:check and gan:sample work without the data.
     */
    private void requireDataPath(Experiment e) {
        if (e.data().path() != null || e.data().format() == DataFormat.GENERATED) {
            return;
        }
        Path source = e.source();
        String display = source.isAbsolute() && source.startsWith(baseDir) ? baseDir.relativize(source).toString()
                : source.toString();
        throw new UserException(display + (e.data().format() == DataFormat.ISIC2017
                ? ": data.path is not set for format isic2017: pass -Dgan.data=DIR (the folder holding "
                + "ISIC-2017_Training_Data/ and ISIC-2017_Training_Part3_GroundTruth.csv) or set ISIC2017_DIR"
                : ": data.path is not set for format folder: pass -Dgan.data=DIR (the folder of images) or add "
                + "data.path"));
    }

    private ImageSet loadData(Experiment experiment) {
        requireDataPath(experiment);
        ImageSet data = DatasetLoader.load(experiment.data(), reportsRoot.resolve(".cache"), log);
        log.info(String.format(Locale.ROOT, "Data: %d images at %d px (%s, sha256 %s)%s", data.count(),
                data.resolution(), experiment.data().format().name().toLowerCase(Locale.ROOT),
                data.sha256().substring(0, Math.min(12, data.sha256().length())),
                data.skipped().isEmpty() ? "" : ", " + data.skipped().size() + " skipped"));
        return data;
    }

    private static List<ModelConfig> select(Experiment experiment, List<String> names) {
        if (names.isEmpty()) {
            return experiment.models();
        }
        List<ModelConfig> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(experiment.models().stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new UserException("gan.models: no model '" + name + "' in " + experiment.source()
                            + "; its models are " + experiment.models().stream().map(ModelConfig::name).toList())));
        }
        return selected;
    }

    /**
     * gan:report: rewrites a run's Allure results from its metrics.json and generates the HTML report
     * into {@code reports/<experiment>/allure-report} with the Allure command line in {@code allureZip},
     * carrying the previous report's history so the trend graphs continue.
     *
     * @return the report's index.html
     */
    public Path report(Experiment experiment, String run, Path allureZip) {
        Path runDir = RunDirectories.runDirectory(reportsRoot, experiment.name(), run);
        Path metricsPath = runDir.resolve("metrics.json");
        if (!Files.isRegularFile(metricsPath)) {
            throw new UserException(metricsPath + ": no metrics to report; run mvn gan:train first");
        }
        List<Comparison> comparisons = RunReport.write(experiment, MetricsFile.read(metricsPath), runDir);
        Path output = reportsRoot.resolve(experiment.name()).resolve("allure-report");
        AllureCommandLine.unpack(allureZip, reportsRoot.resolve(".allure")).generate(
                runDir.resolve(RunReport.RESULTS), output, log);
        log.info("Allure report of " + runDir.getFileName() + ": " + comparisons.size() + " comparisons "
                + Comparisons.count(comparisons) + " in " + output.resolve("index.html"));
        return output.resolve("index.html");
    }
}
