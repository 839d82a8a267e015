package org.melanogans.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.experiment.Experiment;

/** A trained run of one tiny DCGAN whose experiment file carries the paper's two Table 1 values for it. */
record TinyRun(GanEngine engine, Experiment experiment, Path runDir) {
    static TinyRun train(Path project) throws IOException {
        Files.writeString(project.resolve("r.yaml"), """
                name: r
                data: {format: generated, resolution: 16, generated: {count: 24, size: 32}}
                train: {epochs: 1, batch: 4}
                models:
                  - {name: flat, type: dcgan, base_channels: 4}
                sample: {count: 16, grid: 2}
                report:
                  paper:
                    models:
                      flat: {emd: 0.0082, js_divergence: 0.0046}
                """);
        GanEngine engine = new GanEngine(project, project.resolve("reports"), EngineLog.STDOUT);
        Experiment e = engine.loadExperiment(project.resolve("r.yaml"), Map.of(), Map.of());
        return new TinyRun(engine, e, engine.train(e, false, List.of()).getParent());
    }
}
