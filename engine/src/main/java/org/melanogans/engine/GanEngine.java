package org.melanogans.engine;

import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.goal.BenchGoal;
import org.melanogans.engine.goal.CheckGoal;
import org.melanogans.engine.goal.EvaluateGoal;
import org.melanogans.engine.goal.ReportGoal;
import org.melanogans.engine.goal.SampleGoal;
import org.melanogans.engine.goal.MergeGoal;
import org.melanogans.engine.goal.TrainGoal;
import org.melanogans.engine.shard.Shard;
import org.melanogans.engine.goal.Workspace;
import org.melanogans.engine.plan.PlanYaml;

/**
 * The engine's front door: one method per goal, each handed the {@link EngineRequest} a front end
 * (the Maven plugin) built. Every user mistake arrives as a {@link UserException} with a one-line
 * message; everything a goal has to say goes to the {@link EngineLog}.
 */
public final class GanEngine implements EngineRequest.Goals {
    private final EngineLog log;

    public GanEngine(EngineLog log) {
        this.log = log;
    }

    /** Runs the request's goal in this JVM. */
    public void execute(EngineRequest request) {
        request.runOn(this);
    }

    /**
     * gan:train: the whole experiment (each model trained, sampled and scored, then the use-case
     * stage) in the newest unfinished run or a new one; or, on a dry run, the resolved plan.
     */
    @Override
    public void train(EngineRequest.Train request) {
        Workspace workspace = workspace(request);
        Experiment experiment = workspace.experiment();
        if (request.dryRun()) {
            workspace.requireDataPath(experiment);
            log.info("Resolved plan of " + experiment.source() + " (dry run, nothing trained):");
            PlanYaml.write(experiment).lines().forEach(line -> log.info("  " + line));
            return;
        }
        new TrainGoal(workspace, experiment).run(request.fresh(), request.models(),
                Shard.select(request.shard(), request.shards(), System.getenv()));
    }

    /** gan:merge: the runs of an experiment's shards combined into one run. */
    @Override
    public void merge(EngineRequest.Merge request) {
        MergeGoal.run(workspace(request), request);
    }

    /** gan:sample: samples from the newest checkpoint of a run's models. */
    @Override
    public void sample(EngineRequest.Sample request) {
        SampleGoal.run(workspace(request), request);
    }

    /** gan:evaluate: the histogram metrics of a run's samples, or of any two folders. */
    @Override
    public void evaluate(EngineRequest.Evaluate request) {
        EvaluateGoal.run(workspace(request), request);
    }

    /** gan:check: the regression gate against a baseline, or a new baseline. */
    @Override
    public void check(EngineRequest.Check request) {
        CheckGoal.run(workspace(request), request);
    }

    /** gan:report: the HTML Allure report of a run. */
    @Override
    public void report(EngineRequest.Report request) {
        ReportGoal.run(workspace(request), request);
    }

    /** gan:bench: the training speed of one model on random data. */
    @Override
    public void bench(EngineRequest.Bench request) {
        BenchGoal.run(workspace(request), request);
    }

    private Workspace workspace(EngineRequest request) {
        return new Workspace(request.project(), log);
    }
}
