package org.melanogans.engine.goal;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.plan.RunPlan;
import org.melanogans.engine.report.Comparison;
import org.melanogans.engine.report.Comparisons;
import org.melanogans.engine.report.RunReport;
import org.melanogans.engine.results.DatasetInfo;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.MetricsHistory;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.UsecaseMetrics;
import org.melanogans.engine.run.GanRun;
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

    /** @param modelNames a subset of the models (empty: all, and the use-case stage) */
    public void run(boolean fresh, List<String> modelNames) {
        List<ModelConfig> models = Workspace.select(experiment, modelNames);
        List<String> usecaseGans = Workspace.usecaseGans(experiment);
        for (String name : modelNames) {
            if (usecaseGans.contains(name)) {
                throw new UserException(experiment.source() + ": " + name + " trains only inside the use-case stage "
                        + "(usecase.gans); run without -Dgan.models to run the stage");
            }
        }
        List<ModelConfig> histogramModels = models.stream().filter(m -> !usecaseGans.contains(m.name())).toList();
        boolean runUsecase = experiment.usecase() != null && modelNames.isEmpty();
        workspace.requireDataPath(experiment);
        RunPlan plan = RunDirectories.open(experiment, workspace.reports(), fresh, log);
        RunLayout run = plan.run();
        log.info("Run directory: " + run.dir());
        ImageSet data = workspace.data(experiment);
        UsecaseStage stage = runUsecase ? new UsecaseStage(experiment, plan, log) : null;
        if (stage != null) {
            stage.preflight(data);
        } else if (experiment.usecase() != null) {
            log.info("usecase: skipped (-Dgan.models names a subset of the models)");
        }
        MetricsFile metrics = Files.isRegularFile(run.metrics()) ? MetricsFile.read(run.metrics())
                : MetricsFile.start(experiment.name(), run.id(), DatasetInfo.of(experiment.data().format(), data),
                        Environment.capture(experiment.seed(), SessionOptions.TENSORFLOW_VERSION));
        List<String> failures = new ArrayList<>();
        for (ModelConfig model : histogramModels) {
            try {
                metrics = metrics.withModel(model.name(), trainModel(plan, data, model));
            } catch (RuntimeException e) {
                String message = describe(e);
                log.warn(model.name() + " failed: " + message);
                failures.add(message);
                metrics = metrics.withModel(model.name(), ModelMetrics.failed(message));
            }
            publish(run, metrics);
        }
        if (stage != null) {
            try {
                metrics = metrics.withUsecase(stage.run(data));
            } catch (RuntimeException e) {
                String message = describe(e);
                log.warn("usecase failed: " + message);
                failures.add(message);
                metrics = metrics.withUsecase(UsecaseMetrics.failed(stage.settings(), message));
            }
            publish(run, metrics);
        }
        log.info("Metrics: " + run.metrics());
        if (failures.isEmpty()) {
            // before the report, so the value trends attached to it end with this run
            MetricsHistory.append(workspace.folder(experiment).history(), metrics);
        }
        List<Comparison> comparisons = RunReport.write(experiment, metrics, run,
                workspace.folder(experiment).history());
        log.info("Allure results: " + comparisons.size() + " comparisons with the paper " + Comparisons.count(comparisons)
                + " in " + run.allureResults());
        int stages = histogramModels.size() + (runUsecase ? 1 : 0);
        if (!failures.isEmpty()) {
            throw new UserException(failures.size() + " of " + stages + (runUsecase ? " models and stages" : " models")
                    + " failed (results of the others are in " + run.metrics() + "): " + failures.get(0));
        }
        if (runUsecase || experiment.usecase() == null && models.size() == experiment.models().size()) {
            RunDirectories.markComplete(run);
        }
    }

    private ModelMetrics trainModel(RunPlan plan, ImageSet data, ModelConfig model) {
        GanRun.Spec spec = new GanRun.Spec(model.name(), model, experiment.train(), experiment.seed(), 1,
                experiment.sample().count(), experiment.sample().grid(), plan.planHash());
        GanRun.Outcome outcome = GanRun.run(spec, data, plan.run().gan(model.name()), log, null);
        var t = outcome.training();
        return ModelMetrics.completed(outcome.histogram(), t.untrainedEmd(),
                ModelMetrics.Networks.of(outcome.generatorParameters(), outcome.discriminatorParameters()),
                ModelMetrics.Training.of(t.imagesPerSecond(), t.epochs(), t.steps(), t.seconds()),
                spec.samples());
    }

    private void publish(RunLayout run, MetricsFile metrics) {
        metrics.write(run.metrics());
        RunDirectories.publishLatest(workspace.folder(experiment), run.metrics());
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
