package org.melanogans.engine;

import java.nio.file.Path;
import java.util.List;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.goal.Workspace;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.ReportsRoot;

/**
 * A project folder for tests that run goals the way the plugin does: through {@link GanEngine}
 * and {@link EngineRequest}s.
 *
 * @param dir     the project folder; relative paths resolve against it
 * @param reports where runs go
 * @param data    {@code -Dgan.data}, or null
 * @param lines   every line the goals logged (warnings prefixed {@code WARN })
 */
public record TestProject(Path dir, Path reports, Path data, List<String> lines) {
    /** Runs in {@code <dir>/reports}. */
    public TestProject(Path dir) {
        this(dir, dir.resolve("reports"), null, new java.util.ArrayList<>());
    }

    public TestProject(Path dir, Path reports, Path data) {
        this(dir, reports, data, new java.util.ArrayList<>());
    }

    /** The request context of {@code experiment} (a path relative to the project, or null) with overrides. */
    public EngineRequest.Project project(String experiment, String overrides) {
        return new EngineRequest.Project(dir, reports, experiment == null ? null : Path.of(experiment), overrides,
                data, null);
    }

    public GanEngine engine() {
        return new GanEngine(log());
    }

    /** A log that records every line in {@link #lines} (warnings prefixed {@code WARN }) and prints it. */
    public EngineLog log() {
        return new EngineLog() {
            @Override
            public void info(String message) {
                lines.add(message);
                System.out.println(message);
            }

            @Override
            public void warn(String message) {
                info("WARN " + message);
            }

            @Override
            public void debug(String message) {
            }
        };
    }

    /** gan:train of {@code experiment} (only {@code models} when any are named). */
    public void train(String experiment, String overrides, String... models) {
        engine().train(new EngineRequest.Train(project(experiment, overrides), false, false, List.of(models)));
    }

    /** gan:sample of a run. */
    public void sample(String experiment, String overrides, String run, String model, Integer count, Long seed) {
        engine().sample(new EngineRequest.Sample(project(experiment, overrides), run, model, count, seed));
    }

    /** gan:evaluate of a run. */
    public void evaluate(String experiment, String overrides, String run) {
        engine().evaluate(new EngineRequest.Evaluate(project(experiment, overrides), run, null, null, null));
    }

    /** gan:check of the latest results against the default baseline (or writing it). */
    public void check(String experiment, boolean updateBaseline) {
        engine().check(new EngineRequest.Check(project(experiment, null), null, null, updateBaseline, false, true));
    }

    /** gan:train -Dgan.fresh of {@code experiment}. */
    public void trainFresh(String experiment, String overrides) {
        engine().train(new EngineRequest.Train(project(experiment, overrides), true, false, List.of()));
    }

    public ReportsRoot reportsRoot() {
        return new ReportsRoot(reports);
    }

    /** The experiment as the goals load it. */
    public Experiment experiment(String experiment, String overrides) {
        return new Workspace(project(experiment, overrides), EngineLog.STDOUT).experiment();
    }

    /** The folder of the experiment named {@code name}. */
    public ExperimentFolder folder(String name) {
        return new ReportsRoot(reports).experiment(name);
    }
}
