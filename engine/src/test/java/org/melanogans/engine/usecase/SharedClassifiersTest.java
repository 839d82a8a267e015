package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.data.DatasetLoader;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.layout.ReportsRoot;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.plan.RunPlan;
import org.melanogans.engine.results.UsecaseMetrics;

/**
 * B_Full and B_Imb do not depend on the GAN pool: a second protocol run by the same clean commit
 * reuses the first one's classifiers (equal to the bit); code that is not a clean commit never does.
 */
class SharedClassifiersTest {
    private static final String YAML = """
            name: %s
            data:
              format: generated
              resolution: 32
              generated: {count: 200, size: 32}
            train:
              epochs: 1
            usecase:
              pool: %s
              seeds: [1]
              retained_melanoma: 10
              classifier: {depth: 18, resolution: 32, epochs: 1, batch: 16}
            """;

    @TempDir
    Path dir;
    private TestProject project;

    @BeforeEach
    void logIntoTheProject() {
        project = new TestProject(dir);
    }

    private UsecaseMetrics run(String name, String pool, String commit) throws Exception {
        EngineLog log = project.log();
        Files.writeString(dir.resolve(name + ".yaml"), YAML.formatted(name, pool));
        Experiment e = ExperimentLoader.load(Path.of(name + ".yaml"), dir, Map.of(), Map.of());
        ReportsRoot reports = new ReportsRoot(dir.resolve("reports"));
        ImageSet data = DatasetLoader.load(e.data(), reports.dataCache(), log);
        try (RunPlan plan = RunDirectories.open(e, ExperimentLoader.sourceText(e), reports, false, null, log)) {
            return new UsecaseStage(e, plan, log, new UsecaseStage.SharedClassifiers(reports.classifierCache(),
                    commit)).run(data, e.usecase().seeds());
        }
    }

    private long reused() {
        return project.lines().stream().filter(l -> l.contains("reused from")).count();
    }

    @Test
    void aSecondProtocolOfTheSameCommitReusesBFullAndBImb() throws Exception {
        String commit = "0123456789abcdef0123456789abcdef01234567";
        UsecaseMetrics paper = run("paper", "paper", commit);
        assertEquals(0, reused());
        UsecaseMetrics retained = run("retained", "retained", commit);
        assertEquals(2, reused(), String.join("\n", project.lines()));
        assertEquals(paper.sets().get("b-full").runs(), retained.sets().get("b-full").runs());
        assertEquals(paper.sets().get("b-imb").runs(), retained.sets().get("b-imb").runs());
        assertTrue(Files.isRegularFile(dir.resolve("reports/retained/run-0001/usecase/seed-1/b-full.json")),
                "the reused result is a record of the run like any other");

        project.lines().clear();
        run("dirty", "retained", commit + "-dirty");
        run("other", "retained", "fedcba9876543210fedcba9876543210fedcba98");
        assertEquals(0, reused(), "uncommitted or other code trains its own");
    }
}
