package org.melanogans.engine.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.RunLayout;

/** A trained run of one tiny DCGAN whose experiment file carries the paper's two Table 1 values for it. */
record TinyRun(TestProject project, Experiment experiment, RunLayout run) {
    static TinyRun train(Path dir) throws IOException {
        Files.writeString(dir.resolve("r.yaml"), """
                name: r
                data: {format: generated, resolution: 16, generated: {count: 24, size: 32}}
                train: {epochs: 1, batch: 4}
                models:
                  - {name: flat, type: dcgan, base_channels: 4}
                sample: {count: 16, grid: 2}
                metrics: {ms_ssim_pairs: 50, swd_patches: 16}
                report:
                  paper:
                    models:
                      flat: {emd: 0.0082, js_divergence: 0.0046}
                """);
        TestProject project = new TestProject(dir);
        project.train("r.yaml", null);
        return new TinyRun(project, project.experiment("r.yaml", null), project.folder("r").run(1));
    }
}
