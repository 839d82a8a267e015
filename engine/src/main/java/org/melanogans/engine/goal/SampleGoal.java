package org.melanogans.engine.goal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.Folders;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.GanLayout;
import org.melanogans.engine.layout.GanUnit;
import org.melanogans.engine.plan.RunLock;
import org.melanogans.engine.run.GanRun;
import org.melanogans.engine.train.TrainingGraph;

/**
 * gan:sample: draws samples from the newest checkpoint of each model (or the named one) of a run,
 * built from the run's own plan, into a folder of their own named by step, seed and count. The
 * folder appears whole or not at all; the run's own samples are never touched.
 */
public final class SampleGoal {
    private SampleGoal() {
    }

    @SuppressWarnings("try")   // the lock is held by the try, not used in it
    public static void run(Workspace workspace, EngineRequest.Sample request) {
        EngineLog log = workspace.log();
        if (request.count() != null && request.count() < 1) {
            throw new UserException("gan.count: " + request.count() + " samples; give 1 or more (default: the run's"
                    + " sample.count)");
        }
        Experiment current = workspace.experiment();
        if (request.model() != null && Workspace.usecaseGans(current).contains(request.model())) {
            throw new UserException("gan.model: " + request.model() + " trains inside the use-case stage, one GAN per"
                    + " seed; its samples are in the run's usecase/seed-<seed>/synthetic/" + request.model() + "/");
        }
        List<String> names = request.model() == null ? List.of() : List.of(request.model());
        Workspace.select(current, names, "gan.model");
        Map<String, Workspace.RunRecord> runs = workspace.resultRuns(current, request.run());
        if (request.model() != null && !runs.containsKey(request.model())) {
            throw new UserException("gan.model: " + request.model() + " has no result in " + (request.run() == null
                    ? "latest" : request.run()) + " to sample from; train it first (gan:train)");
        }
        for (Map.Entry<String, Workspace.RunRecord> result : runs.entrySet()) {
            if (request.model() != null && !request.model().equals(result.getKey())) {
                continue;
            }
            Workspace.RunRecord run = result.getValue();
            Experiment plan = run.plan();
            ModelConfig model = Workspace.select(plan, List.of(result.getKey()), "gan.model").get(0);
            int count = request.count() != null ? request.count() : plan.sample().count();
            try (RunLock lock = RunLock.acquire(run.layout(), "gan:sample", "wait for it to end", log::warn)) {
                for (GanUnit unit : run.layout().units(model.name(), plan.seeds())) {
                    // by default the noise of the unit's own samples
                    sample(unit, model, plan, count, request.seed() != null ? request.seed() : unit.seed(),
                            run.layout().id(), log);
                }
            }
        }
        if (runs.isEmpty()) {
            log.info("nothing to sample: " + (request.run() == null ? "latest" : request.run()) + " has no result");
        }
    }

    /** Draws {@code count} samples with noise {@code seed} from the unit's newest checkpoint, unless drawn before. */
    private static void sample(GanUnit unit, ModelConfig model, Experiment plan, int count, long seed, String runId,
                               EngineLog log) {
        String name = unit.label();
        GanLayout layout = unit.layout();
        var checkpoint = new CheckpointStore(layout.checkpoints(), log::warn).latest().orElseThrow(() -> new UserException(
                layout.checkpoints() + ": no checkpoint to sample from; the run's checkpoints are gone"));
        Path target = layout.extraSamples(checkpoint.state().step(), seed, count);
        if (Files.isDirectory(target)) {
            log.info(name + ": these samples were drawn before, in " + target);
            return;
        }
        try (TrainingGraph graph = new TrainingGraph(model, plan.train(), plan.data().resolution(), unit.seed())) {
            graph.restore(checkpoint.variablesPrefix());
            int grid = Math.min(plan.sample().grid(), (int) Math.sqrt(count));
            Folders.write(target, tmp -> GanRun.writeSamples(graph, count, grid, seed, tmp.resolve("samples"),
                    tmp.resolve("grid.png"), tmp.resolve("grids"), null));
        } catch (IOException | UncheckedIOException e) {
            throw new UserException(target + ": cannot write the samples (" + e.getMessage() + "); check the run"
                    + " folder is writable", e);
        }
        log.info(name + ": " + count + " samples of " + runId + " from step " + checkpoint.state().step()
                + " (seed " + seed + ") in " + target.resolve("samples"));
    }
}
