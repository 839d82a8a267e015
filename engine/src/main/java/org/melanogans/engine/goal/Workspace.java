package org.melanogans.engine.goal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.DatasetLoader;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.ReportsRoot;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.plan.SourceRecord;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelStatus;

/**
 * What every goal starts from: the project folder, the reports folder, the experiment the request
 * names (with its overrides) and, for the goals that read images, its data.
 */
public final class Workspace {
    private final EngineRequest.Project project;
    private final Path baseDir;
    private final ReportsRoot reports;
    private final EngineLog log;

    public Workspace(EngineRequest.Project project, EngineLog log) {
        this.project = project;
        this.baseDir = project.baseDir().toAbsolutePath().normalize();
        this.reports = new ReportsRoot(baseDir.resolve(project.reports()));
        if (Files.exists(reports.dir()) && !Files.isDirectory(reports.dir())) {
            throw new UserException("gan.reports: " + reports.dir() + " is a file, not a folder; point -Dgan.reports at"
                    + " a folder (default: reports/)");
        }
        this.log = log;
    }

    public EngineLog log() {
        return log;
    }

    public ReportsRoot reports() {
        return reports;
    }

    /** A path given on the command line, relative to the project folder. */
    public Path resolve(Path path) {
        return baseDir.resolve(path).normalize();
    }

    /** The baseline gan:check compares an experiment with by default. */
    public Path defaultBaseline(Experiment experiment) {
        return baseDir.resolve("experiments").resolve("baselines").resolve(experiment.name() + ".json");
    }

    /**
     * The experiment's folder of runs.
     *
     * @throws UserException when its runs were made from another experiment file of the same name
     */
    public ExperimentFolder folder(Experiment experiment) {
        ExperimentFolder folder = reports.experiment(experiment.name());
        SourceRecord.requireSameSource(folder, experiment);
        return folder;
    }

    /**
     * The request's experiment with every override applied; no file named means
     * {@code experiments/quickstart.yaml} when it exists, else the quickstart embedded in the engine.
     */
    public Experiment experiment() {
        Map<String, String> overrides = new LinkedHashMap<>(ExperimentLoader.parseOverrides(project.overrides()));
        if (project.data() != null) {
            overrides.put("data.path", resolve(project.data()).toString());
        }
        if (project.device() != null) {
            overrides.put("device", project.device());
        }
        Path file = project.experiment();
        if (file == null) {
            Path quickstart = baseDir.resolve("experiments").resolve("quickstart.yaml");
            if (!Files.isRegularFile(quickstart)) {
                log.info("No experiment given and no experiments/quickstart.yaml here: using the embedded quickstart");
                return ExperimentLoader.loadEmbeddedDefault(baseDir, overrides, System.getenv());
            }
            file = quickstart;
        }
        return ExperimentLoader.load(resolve(file), baseDir, overrides, System.getenv());
    }

    /** The experiment file as the user knows it: relative to the project when inside it. */
    public String display(Experiment e) {
        Path source = e.source();
        return source.isAbsolute() && source.startsWith(baseDir) ? baseDir.relativize(source).toString()
                : source.toString();
    }

    /**
     * Fails, naming the experiment file and the fix, when the experiment's images are needed but
     * its data folder was given nowhere (file, -Dgan.data, ISIC2017_DIR). Checked by the goals that
     * read images, not when loading, so gan:check and gan:sample work without the data.
     */
    public void requireDataPath(Experiment e) {
        if (e.data().path() != null || e.data().format() == DataFormat.GENERATED) {
            return;
        }
        throw new UserException(display(e) + (e.data().format() == DataFormat.ISIC2017
                ? ": data.path is not set for format isic2017: pass -Dgan.data=DIR (the folder holding "
                + "ISIC-2017_Training_Data/ and ISIC-2017_Training_Part3_GroundTruth.csv) or set ISIC2017_DIR"
                : ": data.path is not set for format folder: pass -Dgan.data=DIR (the folder of images) or add "
                + "data.path"));
    }

    /** The experiment's training images, prepared (and cached) at its resolution. */
    public ImageSet data(Experiment experiment) {
        requireDataPath(experiment);
        ImageSet data = DatasetLoader.load(experiment.data(), reports.dataCache(), log);
        log.info(String.format(Locale.ROOT, "Data: %d images at %d px (%s, sha256 %s)%s", data.count(),
                data.resolution(), experiment.data().format().name().toLowerCase(Locale.ROOT),
                data.sha256().substring(0, Math.min(12, data.sha256().length())),
                data.skipped().isEmpty() ? "" : ", " + data.skipped().size() + " skipped"));
        return data;
    }

    /**
     * The named models of the experiment (all of them when {@code names} is empty).
     *
     * @param property the property that named them, for the message ({@code gan.models})
     */
    public static List<ModelConfig> select(Experiment experiment, List<String> names, String property) {
        if (names.isEmpty()) {
            return experiment.models();
        }
        List<ModelConfig> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(experiment.models().stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new UserException(property + ": no model '" + name + "' in experiment "
                            + experiment.name() + "; its models are "
                            + experiment.models().stream().map(ModelConfig::name).toList())));
        }
        return selected;
    }

    /**
     * A run of {@code current}'s experiment read through its own plan; one line says where the
     * experiment file has changed since.
     *
     * @param runId {@code latest} or a run id
     */
    public RunRecord readRun(Experiment current, String runId) {
        RunLayout run = RunDirectories.find(folder(current), runId);
        Experiment plan = RunDirectories.readPlan(run, baseDir);
        String changes = RunDirectories.changesSince(run, current);
        if (changes != null) {
            log.info(display(current) + " has changed since " + run.id() + " (" + changes + "); " + run.id()
                    + " is read with its own plan");
        }
        return new RunRecord(run, plan);
    }

    /**
     * Where each model's result lives: for {@code latest}, the run latest/metrics.json names for
     * that model (a subset run carries the others' results from earlier runs); for a run id, that
     * run, for every model its metrics.json completed. Each run is read through its own plan.
     */
    public Map<String, RunRecord> resultRuns(Experiment current, String runId) {
        RunRecord named = readRun(current, runId);
        boolean latest = runId == null || runId.trim().equalsIgnoreCase(RunDirectories.LATEST);
        ExperimentFolder folder = folder(current);
        Path metricsFile = latest ? folder.latestMetrics() : named.layout().metrics();
        Map<String, RunRecord> runs = new LinkedHashMap<>();
        if (!Files.isRegularFile(metricsFile)) {
            return runs;
        }
        Map<String, RunRecord> byId = new HashMap<>(Map.of(named.layout().id(), named));
        MetricsFile metrics = MetricsFile.read(metricsFile);
        metrics.models().forEach((model, entry) -> {
            if (entry.status() != ModelStatus.COMPLETED) {
                return;
            }
            String id = entry.source().run() == null ? named.layout().id() : entry.source().run();
            Integer number = ExperimentFolder.runNumber(id);
            if (number != null && folder.runNumbers().contains(number)) {
                runs.put(model, byId.computeIfAbsent(id, i -> new RunRecord(folder.run(number),
                        RunDirectories.readPlan(folder.run(number), baseDir))));
            } else {
                log.warn(model + ": its result comes from " + id + ", which is no longer in " + folder.dir());
            }
        });
        return runs;
    }

    /**
     * A run as the goals that act on existing runs see it.
     *
     * @param layout its folder
     * @param plan   its plan.yaml: the data, models and settings it was made with
     */
    public record RunRecord(RunLayout layout, Experiment plan) {
    }

    /** The models that train only inside the use-case stage, on melanoma. */
    public static List<String> usecaseGans(Experiment experiment) {
        return experiment.usecase() == null ? List.of() : experiment.usecase().gans();
    }
}
