package org.melanogans.engine.goal;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.Device;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.GanUnit;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.metrics.StructureMetrics;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.plan.PlanYaml;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.plan.RunPlan;
import org.melanogans.engine.report.Comparison;
import org.melanogans.engine.report.Comparisons;
import org.melanogans.engine.report.RunReport;
import org.melanogans.engine.results.DatasetInfo;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.LatestResults;
import org.melanogans.engine.results.MetricsHistory;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.ModelStatus;
import org.melanogans.engine.results.SeedFigures;
import org.melanogans.engine.shard.Shard;
import org.melanogans.engine.results.UsecaseMetrics;
import org.melanogans.engine.run.GanRun;
import org.melanogans.engine.tf.CpuFeatures;
import org.melanogans.engine.tf.GpuProbe;
import org.melanogans.engine.tf.SessionOptions;
import org.melanogans.engine.usecase.UsecaseStage;

/**
 * gan:train: opens (or resumes) the experiment's run, trains, samples and scores each Table 1
 * model in turn, runs the use-case stage, and writes the run's metrics.json after every model (and
 * publishes it to {@code latest/}), its history line and its Allure results. A model that fails is
 * recorded as failed and the others still run; the failure is reported at the end.
 */
public final class TrainGoal {
    private final Workspace workspace;
    private final Experiment experiment;
    private final EngineLog log;

    public TrainGoal(Workspace workspace, Experiment experiment) {
        this.workspace = workspace;
        this.experiment = experiment;
        this.log = workspace.log();
    }

    /**
     * @param modelNames a subset of the models (empty: all, and the use-case stage)
     * @param shard      the shard of the run's units to run, or null: all of them
     */
    public void run(boolean fresh, List<String> modelNames, Shard shard) {
        if (shard != null && !modelNames.isEmpty()) {
            throw new UserException("gan.models and gan.shard: a shard is a part of the whole run; give one or the"
                    + " other");
        }
        List<ModelConfig> models = Workspace.select(experiment, modelNames, "gan.models");
        List<String> usecaseGans = Workspace.usecaseGans(experiment);
        for (String name : modelNames) {
            if (usecaseGans.contains(name)) {
                throw new UserException(experiment.source() + ": " + name + " trains only inside the use-case stage "
                        + "(usecase.gans); run without -Dgan.models to run the stage");
            }
        }
        List<ModelConfig> histogramModels = models.stream().filter(m -> !usecaseGans.contains(m.name())).toList();
        boolean runUsecase = experiment.usecase() != null && modelNames.isEmpty();
        // everything that can be checked before a run folder exists is: a run begins when it can work
        if (experiment.train().bfloat16() && !CpuFeatures.detect().bfloat16()) {
            throw new UserException(workspace.display(experiment) + ": train.bfloat16 is true, but "
                    + CpuFeatures.detect().noBfloat16() + "; set it to auto (bfloat16 where the CPU has it) or false");
        }
        workspace.requireDataPath(experiment);
        // a GPU run proves it runs on the GPU before any work, so no CPU figures pass as a GPU run's
        String gpu = experiment.device() == Device.GPU ? GpuProbe.require(log) : null;
        ImageSet data = workspace.data(experiment);
        if (!histogramModels.isEmpty()) {
            String problem = StructureMetrics.problem(data.count(), experiment.sample().count(), data.resolution(),
                    metricsSettings());
            if (problem != null) {
                throw new UserException(workspace.display(experiment) + ": the samples cannot be scored: " + problem);
            }
        }
        if (runUsecase) {
            UsecaseStage.preflight(experiment, data);
        } else if (experiment.usecase() != null) {
            log.info("usecase: skipped (-Dgan.models names a subset of the models)");
        }
        List<Shard.Unit> units = shard == null ? Shard.units(experiment) : shard.of(experiment);
        if (shard != null) {
            log.info("Shard " + shard + ": " + units.size() + " of " + Shard.units(experiment).size() + " units ("
                    + units.stream().map(Shard.Unit::toString).collect(java.util.stream.Collectors.joining(", "))
                    + ")");
        }
        try (RunPlan plan = RunDirectories.open(experiment, ExperimentLoader.sourceText(experiment),
                workspace.reports(), fresh, shard, log)) {
            log.info("Run directory: " + plan.run().dir());
            trainIn(plan, data, histogramModels, runUsecase, models.size() == experiment.models().size(), gpu,
                    shard, units);
        }
    }

    /**
     * Trains what the run has not finished yet, publishing its results after each model.
     *
     * @param gpu   the GPU and driver a GPU run found, or null on the CPU
     * @param shard the shard run, or null: the whole run
     * @param units the units to run (all of them without a shard)
     */
    private void trainIn(RunPlan plan, ImageSet data, List<ModelConfig> histogramModels, boolean runUsecase,
                         boolean allModels, String gpu, Shard shard, List<Shard.Unit> units) {
        RunLayout run = plan.run();
        MetricsFile metrics = Files.isRegularFile(run.metrics()) ? MetricsFile.read(run.metrics())
                : MetricsFile.start(experiment.name(), run.id(), DatasetInfo.of(experiment.data().format(), data, metricsSettings()),
                        Environment.capture(experiment.seed(), SessionOptions.TENSORFLOW_VERSION,
                                experiment.train().bfloat16(), experiment.device(),
                                experiment.train().intraOpThreads(), gpu));
        List<String> failures = new ArrayList<>();
        for (ModelConfig model : histogramModels) {
            List<Long> seeds = units.stream().filter(u -> model.name().equals(u.model())).map(Shard.Unit::seed)
                    .toList();
            if (seeds.isEmpty()) {
                continue;   // all of its seeds are other shards' units
            }
            String hash = PlanYaml.modelHash(experiment, model);
            if (finished(metrics.models().get(model.name()), run)) {
                log.info(model.name() + ": finished before in " + run.id() + "; its results are kept as they are");
                continue;
            }
            try {
                metrics = metrics.withModel(model.name(), trainModel(plan, data, model, seeds).from(run.id(), hash));
            } catch (RuntimeException e) {
                String message = describe(e);
                log.warn(model.name() + " failed: " + message);
                failures.add(model.name() + " failed: " + message);
                metrics = metrics.withModel(model.name(), ModelMetrics.failed(message).from(run.id(), hash));
            }
            publish(plan, metrics);
        }
        List<Long> usecaseSeeds = units.stream().filter(Shard.Unit::isUsecase).map(Shard.Unit::seed).toList();
        boolean stage = runUsecase && !usecaseSeeds.isEmpty();   // a shard may hold none of its seeds
        if (stage && metrics.usecase() != null && metrics.usecase().status() == ModelStatus.COMPLETED) {
            log.info("usecase: finished before in " + run.id() + "; its results are kept as they are");
        } else if (stage) {
            UsecaseStage usecaseStage = new UsecaseStage(experiment, plan, log, new UsecaseStage.SharedClassifiers(
                    workspace.reports().classifierCache(), Environment.currentGitCommit()));
            try {
                metrics = metrics.withUsecase(usecaseStage.run(data, usecaseSeeds).from(run.id(), plan.planHash()));
            } catch (RuntimeException e) {
                String message = describe(e);
                log.warn("usecase failed: " + message);
                failures.add("usecase failed: " + message);
                metrics = metrics.withUsecase(UsecaseMetrics.failed(usecaseStage.settings(), message)
                        .from(run.id(), plan.planHash()));
            }
            publish(plan, metrics);
        }
        log.info("Metrics: " + run.metrics());
        boolean complete = failures.isEmpty() && (shard != null || stage
                || experiment.usecase() == null && allModels);
        if (complete && shard == null) {
            // one line per finished run, before the report, so the value trends attached to it end with this run
            MetricsHistory.appendOnce(workspace.folder(experiment).history(), metrics);
        }
        List<Comparison> comparisons = RunReport.write(experiment, metrics, run, workspace.folder(experiment));
        log.info("Allure results: " + comparisons.size() + " comparisons with the paper " + Comparisons.count(comparisons)
                + " in " + run.allureResults());
        int stages = histogramModels.size() + (stage ? 1 : 0);
        if (!failures.isEmpty()) {
            String what = stage ? " models and stages" : " models";
            throw new UserException(stages == 1 ? failures.get(0) : (failures.size() == stages
                    ? "all " + stages + what + " failed"
                    : failures.size() + " of " + stages + what + " failed (results of the others are in "
                    + run.metrics() + ")") + "; first " + failures.get(0));
        }
        if (complete) {
            RunDirectories.markComplete(run);
        }
    }

    /** A model this run completed: its samples and figures are evidence and are not drawn again. */
    private static boolean finished(ModelMetrics entry, RunLayout run) {
        return entry != null && entry.status() == ModelStatus.COMPLETED && run.id().equals(entry.source().run());
    }

    /**
     * Trains and scores the model once per training seed. Each seed is a unit with its own
     * checkpoints, samples and result file: a finished seed is read back, never trained again.
     */
    private ModelMetrics trainModel(RunPlan plan, ImageSet data, ModelConfig model, List<Long> seeds) {
        List<SeedFigures> figures = new ArrayList<>();
        for (GanUnit unit : plan.run().units(model.name(), experiment.seeds())) {
            if (!seeds.contains(unit.seed())) {
                continue;
            }
            String name = unit.label();
            if (Files.isRegularFile(unit.layout().result())) {
                log.info(name + ": finished before in " + plan.run().id() + "; its figures are kept as they are");
                figures.add(SeedFigures.read(unit.layout().result()));
                continue;
            }
            GanRun.Spec spec = new GanRun.Spec(name, model, experiment.train(), unit.seed(), 1,
                    experiment.sample().count(), experiment.sample().grid(), plan.planHash(), metricsSettings());
            GanRun.Outcome outcome = GanRun.run(spec, data, unit.layout(), log);
            var t = outcome.training();
            SeedFigures seed = SeedFigures.of(unit.seed(), outcome.histogram(), outcome.structure(), t.untrainedEmd(),
                    t.untrained().swd(), ModelMetrics.Networks.of(outcome.generatorParameters(),
                            outcome.discriminatorParameters()),
                    ModelMetrics.Training.of(t.imagesPerSecond(), t.epochs(), t.steps(), t.seconds(),
                            outcome.sampleSeconds(), outcome.scoreSeconds()), spec.samples());
            seed.write(unit.layout().result());
            figures.add(seed);
        }
        return ModelMetrics.ofSeeds(figures);
    }

    private StructureMetrics.Settings metricsSettings() {
        return StructureMetrics.Settings.of(experiment.metrics(), experiment.seed(), experiment.train().intraOpThreads());
    }

    /**
     * Writes the run's metrics.json and, once the run has a result, rebuilds latest/metrics.json (a
     * run that completed nothing never becomes latest).
     */
    private void publish(RunPlan plan, MetricsFile metrics) {
        metrics.write(plan.run().metrics());
        if (Files.isRegularFile(plan.run().shard())) {
            return;   // a shard's run holds part of the results: gan:merge makes the experiment's latest
        }
        boolean hasResult = metrics.models().values().stream().anyMatch(m -> m.status() == ModelStatus.COMPLETED)
                || metrics.usecase() != null && metrics.usecase().status() == ModelStatus.COMPLETED;
        if (hasResult) {
            Map<String, String> hashes = new LinkedHashMap<>();
            experiment.models().stream().filter(m -> !Workspace.usecaseGans(experiment).contains(m.name()))
                    .forEach(m -> hashes.put(m.name(), PlanYaml.modelHash(experiment, m)));
            LatestResults.publish(workspace.folder(experiment), plan.run(), metrics, hashes, plan.planHash());
        }
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
}
