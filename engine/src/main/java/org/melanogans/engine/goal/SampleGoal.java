package org.melanogans.engine.goal;

import java.util.List;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.GanLayout;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.run.GanRun;
import org.melanogans.engine.train.TrainingGraph;

/**
 * gan:sample: draws samples from the newest checkpoint of each model (or the named one) of a run
 * into its samples folder.
 */
public final class SampleGoal {
    private SampleGoal() {
    }

    public static void run(Workspace workspace, EngineRequest.Sample request) {
        EngineLog log = workspace.log();
        Experiment experiment = workspace.experiment();
        RunLayout run = RunDirectories.find(workspace.folder(experiment), request.run());
        int count = request.count() != null && request.count() > 0 ? request.count() : experiment.sample().count();
        long seed = request.seed() != null ? request.seed() : experiment.seed();
        if (request.model() != null && Workspace.usecaseGans(experiment).contains(request.model())) {
            throw new UserException(experiment.source() + ": " + request.model() + " trains inside the use-case stage,"
                    + " one GAN per seed; its samples are in " + run.usecaseFolder() + "/seed-<seed>/synthetic/"
                    + request.model() + "/");
        }
        List<String> names = request.model() == null ? List.of() : List.of(request.model());
        for (ModelConfig model : Workspace.select(experiment, names)) {
            if (Workspace.usecaseGans(experiment).contains(model.name())) {
                continue;   // no whole-data checkpoint: its per-seed samples are kept by the stage
            }
            GanLayout layout = run.gan(model.name());
            var checkpoint = new CheckpointStore(layout.checkpoints()).latest().orElseThrow(() -> new UserException(
                    layout.checkpoints() + ": no checkpoint to sample from; run mvn gan:train first"));
            try (TrainingGraph graph = new TrainingGraph(model, experiment.train(), experiment.data().resolution(),
                    experiment.seed())) {
                graph.restore(checkpoint.variablesPrefix());
                GanRun.writeSamples(graph, count, experiment.sample().grid(), seed, layout, null);
                log.info(model.name() + ": " + count + " samples from step " + checkpoint.state().step() + " in "
                        + layout.samples());
            }
        }
    }
}
