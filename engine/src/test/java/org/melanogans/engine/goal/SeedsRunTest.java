package org.melanogans.engine.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.Json;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.layout.GanUnit;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.SeedFigures;

/** seeds: [..] trains each model once per seed, each (model, seed) a unit of its own. */
class SeedsRunTest {
    private static final String YAML = """
            name: %s
            seeds: %s
            data: {format: generated, resolution: 16, generated: {count: 48, size: 32}}
            train: {epochs: 2, batch: 4}
            models:
              - {name: flat, type: dcgan, base_channels: 4}
            sample: {count: 16, grid: 2}
            metrics: {ms_ssim_pairs: 50, swd_patches: 16}
            """;

    @TempDir
    Path dir;

    private TestProject project(String name, String seeds) throws IOException {
        Files.writeString(dir.resolve(name + ".yaml"), YAML.formatted(name, seeds));
        return new TestProject(dir);
    }

    @Test
    void eachSeedIsAUnitAndTheHeadlineIsTheirMean() throws IOException {
        TestProject project = project("two", "[3, 5]");
        project.train("two.yaml", null);
        RunLayout run = project.folder("two").run(1);
        List<GanUnit> units = run.units("flat", List.of(3L, 5L));
        for (GanUnit unit : units) {
            assertTrue(Files.isRegularFile(unit.layout().result()), unit.label());
            assertEquals(16, Files.list(unit.layout().samples()).count(), unit.label());
        }
        assertEquals(run.dir().resolve("samples/flat/seed-5"), units.get(1).layout().samples());
        ModelMetrics flat = MetricsFile.read(run.metrics()).models().get("flat");
        assertEquals(List.of(3L, 5L), flat.trainingSeeds());
        assertEquals((flat.seeds().get(0).histogram().emd() + flat.seeds().get(1).histogram().emd()) / 2, flat.emd(),
                1e-15);
        assertEquals(2, flat.summary().get("emd").get("values").size());

        // the same seed alone, in a run of one seed, is the same unit: the same figures to the bit
        TestProject alone = project("one", "[5]");
        alone.train("one.yaml", null);
        RunLayout single = alone.folder("one").run(1);
        ModelMetrics five = MetricsFile.read(single.metrics()).models().get("flat");
        assertEquals(flat.seeds().get(1).histogram(), five.histogram());
        assertEquals(flat.seeds().get(1).structure(), five.structure());
        assertTrue(Files.isDirectory(single.dir().resolve("samples/flat")), "one seed: the layout runs always had");

        // every unit is sampled and re-evaluated on its own
        project.sample("two.yaml", null, "latest", "flat", 4, 9L);
        for (GanUnit unit : units) {
            assertTrue(Files.isDirectory(unit.layout().extraSamples(24, 9, 4)), unit.label());
        }
        project.evaluate("two.yaml", null, "latest");
        assertTrue(project.lines().stream().anyMatch(l -> l.startsWith("flat (seed 5): EMD") && l.endsWith("reproduced")),
                project.lines().toString());
    }

    @Test
    void aResumedRunKeepsItsFinishedSeedsAndEndsAsAnUninterruptedOne() throws IOException {
        TestProject project = project("two", "[3, 5]");
        project.train("two.yaml", null);
        RunLayout run = project.folder("two").run(1);
        MetricsFile whole = MetricsFile.read(run.metrics());
        // as if the build had stopped after seed 3 finished: seed 5's result and the model's entry gone
        GanUnit five = run.units("flat", List.of(3L, 5L)).get(1);
        Files.delete(five.layout().result());
        Files.delete(run.complete());
        ObjectNode file = (ObjectNode) Json.LENIENT.readTree(run.metrics().toFile());
        ((ObjectNode) file.get("models")).remove("flat");
        Json.write(run.metrics(), file);
        long before = Files.getLastModifiedTime(run.units("flat", List.of(3L, 5L)).get(0).layout().result()).toMillis();

        project.train("two.yaml", null);
        assertTrue(project.lines().contains("flat (seed 3): finished before in run-0001; its figures are kept as they are"),
                project.lines().toString());
        assertEquals(before, Files.getLastModifiedTime(run.units("flat", List.of(3L, 5L)).get(0).layout().result())
                .toMillis());
        ModelMetrics resumed = MetricsFile.read(run.metrics()).models().get("flat");
        List<SeedFigures> figures = whole.models().get("flat").seeds();
        assertEquals(figures.get(1).histogram(), resumed.seeds().get(1).histogram());
        assertEquals(whole.models().get("flat").emd(), resumed.emd());
        assertTrue(Files.isRegularFile(run.complete()));
        JsonNode latest = Json.LENIENT.readTree(project.folder("two").latestMetrics().toFile());
        assertFalse(latest.path("models").path("flat").path("summary").isMissingNode());
    }
}
