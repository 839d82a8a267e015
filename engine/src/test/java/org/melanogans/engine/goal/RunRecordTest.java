package org.melanogans.engine.goal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.UserException;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.RunLayout;

/**
 * A run is a record: each defect of issue 11 replayed end to end on a tiny experiment, asserting
 * that the run's files and figures stay intact, or that one line says what is wrong.
 */
class RunRecordTest {
    private static final String YAML = """
            name: rec
            data: {format: generated, resolution: 16, generated: {count: 48, size: 32}}
            train: {epochs: 1, batch: 4}
            models:
              - {name: flat, type: dcgan, base_channels: 4}
              - {name: other, type: dcgan, base_channels: 4, z_dim: 8}
            sample: {count: 16, grid: 2}
            metrics: {ms_ssim_pairs: 50, swd_patches: 16}
            report:
              paper:
                models:
                  flat: {emd: 0.01}
            """;

    @TempDir
    Path dir;

    private TestProject trained() throws IOException {
        Files.writeString(dir.resolve("rec.yaml"), YAML);
        TestProject project = new TestProject(dir);
        project.train("rec.yaml", null);
        return project;
    }

    private ExperimentFolder folder(TestProject project) {
        return project.folder("rec");
    }

    /** Every file of a folder with its bytes, to show nothing in it moved. */
    private static Map<Path, byte[]> snapshot(Path root) throws IOException {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(f), Files.readAllBytes(f));
            }
        }
        return files;
    }

    private static void assertSame(Map<Path, byte[]> before, Map<Path, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((f, bytes) -> assertArrayEquals(bytes, after.get(f), f.toString()));
    }

    @Test
    void sampleWritesAFolderOfItsOwnAndNeverTouchesTheRunsSamples() throws IOException {
        TestProject project = trained();
        RunLayout run = folder(project).run(1);
        Map<Path, byte[]> samples = snapshot(run.gan("flat").samples());
        byte[] metrics = Files.readAllBytes(run.metrics());
        project.sample("rec.yaml", null, "latest", "flat", 4, 3L);
        assertSame(samples, snapshot(run.gan("flat").samples()));
        assertArrayEquals(metrics, Files.readAllBytes(run.metrics()));
        Path drawn = run.gan("flat").extraSamples(12, 3, 4);
        try (Stream<Path> s = Files.list(drawn.resolve("samples"))) {
            assertEquals(4, s.count());
        }
        assertTrue(Files.isRegularFile(drawn.resolve("grid.png")));
        project.sample("rec.yaml", null, "latest", "flat", 4, 3L);
        assertTrue(project.lines().contains("flat: these samples were drawn before, in " + drawn));
        assertEquals("gan.count: -5 samples; give 1 or more (default: the run's sample.count)", assertThrows(
                UserException.class, () -> project.sample("rec.yaml", null, "latest", null, -5, null)).getMessage());
        assertEquals("gan.model: no model 'nope' in experiment rec; its models are [flat, other]", assertThrows(
                UserException.class, () -> project.sample("rec.yaml", null, "latest", "nope", 4, null)).getMessage());
    }

    @Test
    void evaluateReproducesTheRunFromItsOwnPlanAndNeverRewritesIt() throws IOException {
        TestProject project = trained();
        RunLayout run = folder(project).run(1);
        byte[] metrics = Files.readAllBytes(run.metrics());
        // the experiment file now asks for other data: the run is still read with its own plan
        project.evaluate("rec.yaml", "data.resolution=32,data.generated.count=64", "latest");
        assertArrayEquals(metrics, Files.readAllBytes(run.metrics()));
        assertTrue(project.lines().stream().anyMatch(l -> l.startsWith("rec.yaml has changed since run-0001 ("
                + "data.resolution 16 -> 32, data.generated.count 48 -> 64); run-0001 is read with its own plan")),
                project.lines().toString());
        assertTrue(project.lines().stream().anyMatch(l -> l.startsWith("flat: EMD ") && l.endsWith("of its 16 samples in run-0001:"
                + " reproduced")), project.lines().toString());

        // a changed sample: the figures that differ go to a dated re-evaluation, the run stays as it was
        Path first = run.gan("flat").samples().resolve("sample-00000.png");
        Files.copy(run.gan("flat").samples().resolve("sample-00001.png"), first,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        project.evaluate("rec.yaml", null, "latest");
        assertArrayEquals(metrics, Files.readAllBytes(run.metrics()));
        try (Stream<Path> s = Files.list(run.dir().resolve("reevaluations"))) {
            Path file = s.findFirst().orElseThrow();
            JsonNode written = Json.LENIENT.readTree(file.toFile());
            assertEquals("run-0001", written.path("run").asText());
            assertEquals(Json.LENIENT.readTree(run.metrics().toFile()).path("models").path("flat").path("emd"),
                    written.path("models").path("flat").path("recorded").path("emd"));
        }

        // fewer samples than the run drew cannot stand for it
        Files.delete(first);
        String message = assertThrows(UserException.class, () -> project.evaluate("rec.yaml", null, "latest"))
                .getMessage();
        assertEquals(run.gan("flat").samples() + ": holds 15 images where the run wrote 16 (sample-00000.png ...);"
                + " its samples were changed, so they cannot stand for the run any more", message);
        assertArrayEquals(metrics, Files.readAllBytes(run.metrics()));
    }

    @Test
    void sampleBuildsTheModelOfTheRunsPlanNotOfTheFileAsItIsNow() throws IOException {
        TestProject project = trained();
        project.sample("rec.yaml", "models.0.base_channels=8,models.0.z_dim=16", "run-0001", "flat", 4, null);
        RunLayout run = folder(project).run(1);
        assertTrue(Files.isDirectory(run.gan("flat").extraSamples(12, 42, 4)));
        assertTrue(project.lines().stream().anyMatch(l -> l.contains("models.0.z_dim 64 -> 16")),
                project.lines().toString());
    }

    @Test
    void reportAndCheckKeepEachOthersResults() throws IOException {
        TestProject project = trained();
        RunLayout run = folder(project).run(1);
        project.check("rec.yaml", true);
        project.check("rec.yaml", false);
        Path zip = Path.of(System.getProperty("allure.commandline.zip"));
        project.engine().report(new EngineRequest.Report(project.project("rec.yaml", null), "latest", zip, false));
        List<String> after = features(run);
        assertTrue(after.contains("regression check") && after.contains("histogram metrics"),
                "the report's comparison beside the check's rows: " + after);
        project.check("rec.yaml", false);
        assertEquals(after, features(run), "a check replaces its own earlier rows and keeps the report's");
        project.engine().report(new EngineRequest.Report(project.project("rec.yaml", null), "latest", zip, false));
        assertEquals(after, features(run), "a report replaces its own comparisons and keeps the check's rows");
    }

    private static List<String> features(RunLayout run) throws IOException {
        List<String> features = new ArrayList<>();
        // sorted: the order files are listed in is not the order they were written in
        try (Stream<Path> s = Files.list(run.allureResults())) {
            for (Path f : s.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                for (JsonNode label : Json.LENIENT.readTree(f.toFile()).path("labels")) {
                    if (label.path("name").asText().equals("feature")) {
                        features.add(label.path("value").asText());
                    }
                }
            }
        }
        features.sort(null);
        return features;
    }

    @Test
    void updatingTheBaselineKeepsRulesAndRefusesPartialOrFailedResults() throws IOException {
        Files.writeString(dir.resolve("rec.yaml"), YAML);
        TestProject project = new TestProject(dir);
        project.train("rec.yaml", null, "flat");
        String partial = assertThrows(UserException.class, () -> project.check("rec.yaml", true)).getMessage();
        assertTrue(partial.endsWith("cannot be a baseline, it lacks other (not trained); finish the experiment with"
                + " mvn gan:train first"), partial);
        Path baseline = dir.resolve("experiments/baselines/rec.json");
        assertFalse(Files.exists(baseline), "no baseline written");

        project.train("rec.yaml", null);
        project.check("rec.yaml", true);
        assertTrue(project.lines().stream().anyMatch(l -> l.startsWith("  models.flat.emd: added at ")),
                project.lines().toString());
        String text = Files.readString(baseline);
        // a rule set by hand
        Files.writeString(baseline, text.replaceFirst("\"tolerance\" : 0.5,\\s*\"mode\" : \"relative\"",
                "\"tolerance\" : 0.04, \"mode\" : \"absolute\""));
        project.check("rec.yaml", true);
        JsonNode emd = Json.LENIENT.readTree(baseline.toFile()).path("metrics").path("models.flat.emd");
        assertEquals(0.04, emd.path("tolerance").asDouble());
        assertEquals("absolute", emd.path("mode").asText());

        // a failed model: the baseline stays as it is
        byte[] kept = Files.readAllBytes(baseline);
        Path latest = project.folder("rec").latestMetrics();
        Files.writeString(latest, Files.readString(latest).replaceFirst("\"status\" : \"completed\"",
                "\"status\" : \"failed\", \"error\" : \"out of memory\", \"x\" : \"completed\""));
        String failed = assertThrows(UserException.class, () -> project.check("rec.yaml", true)).getMessage();
        assertTrue(failed.contains("it lacks flat (failed: "), failed);
        assertArrayEquals(kept, Files.readAllBytes(baseline));
    }

    @Test
    void latestCoversEveryModelAndASubsetRunUpdatesOnlyItsOwn() throws IOException {
        TestProject project = trained();
        ExperimentFolder folder = folder(project);
        assertTrue(Files.exists(folder.run(1).complete()));
        // a subset run: a new run of the same plan, training only flat
        project.train("rec.yaml", null, "flat");
        JsonNode latest = Json.LENIENT.readTree(folder.latestMetrics().toFile());
        assertEquals("run-0002", latest.path("run").asText());
        assertEquals("run-0002", latest.path("models").path("flat").path("run").asText());
        assertEquals("run-0001", latest.path("models").path("other").path("run").asText());
        project.check("rec.yaml", true);
        project.check("rec.yaml", false);   // nothing missing
        // the full run resumes the subset run and finishes it: one history line per finished run
        project.train("rec.yaml", null);
        List<String> runs = new ArrayList<>();
        for (String line : Files.readAllLines(folder.history())) {
            runs.add(Json.LENIENT.readTree(line).path("run").asText());
        }
        assertEquals(List.of("run-0001", "run-0002"), runs);
        // a run that did no work never becomes latest
        Files.createDirectories(folder.run(3).dir());
        assertEquals(folder.run(2), org.melanogans.engine.plan.RunDirectories.find(folder, "latest"));
    }

    @Test
    void sampleAndEvaluateOfLatestFollowEachModelToItsRun() throws IOException {
        TestProject project = trained();
        project.train("rec.yaml", null, "flat");   // run-0002 trains flat only; other stays run-0001's
        project.sample("rec.yaml", null, "latest", null, 4, 5L);
        ExperimentFolder folder = folder(project);
        assertTrue(Files.isDirectory(folder.run(2).gan("flat").extraSamples(12, 5, 4)));
        assertTrue(Files.isDirectory(folder.run(1).gan("other").extraSamples(12, 5, 4)));
        project.evaluate("rec.yaml", null, "latest");
        assertTrue(project.lines().stream().anyMatch(l -> l.startsWith("other: ") && l.endsWith("in run-0001:"
                + " reproduced")), project.lines().toString());
        assertTrue(project.lines().stream().anyMatch(l -> l.startsWith("flat: ") && l.endsWith("in run-0002:"
                + " reproduced")), project.lines().toString());
    }

    @Test
    void aFreshStartLeavesNoEmptyRunAndAResumeKeepsFinishedModels() throws IOException {
        TestProject project = trained();
        ExperimentFolder folder = folder(project);
        Files.createDirectories(folder.run(2).dir());   // a run folder that never got to work
        project.trainFresh("rec.yaml", null);
        assertEquals(List.of(1, 2), folder.runNumbers());
        assertTrue(Files.exists(folder.run(2).complete()));
        // a subset run, then the full run resumes it: flat is not drawn again
        project.train("rec.yaml", null, "flat");
        Map<Path, byte[]> samples = snapshot(folder.run(3).gan("flat").samples());
        project.train("rec.yaml", null);
        assertSame(samples, snapshot(folder.run(3).gan("flat").samples()));
        assertTrue(project.lines().contains("flat: finished before in run-0003; its results are kept as they are"));
    }

    @Test
    void aTypoNeverCreatesARunNorBlocksItsCorrection() throws IOException {
        Files.writeString(dir.resolve("f.yaml"), """
                data: {format: folder, resolution: 16}
                train: {epochs: 1, batch: 2}
                models:
                  - {type: dcgan, base_channels: 4}
                sample: {count: 4, grid: 2}
                metrics: {ms_ssim_pairs: 6, swd_patches: 16}
                """);
        TestProject typo = new TestProject(dir, dir.resolve("reports"), dir.resolve("nonexist"));
        UserException e = assertThrows(UserException.class, () -> typo.train("f.yaml", null));
        assertEquals("data.path: folder " + dir.resolve("nonexist") + " does not exist; point data.path at a folder"
                + " of images", e.getMessage());
        assertFalse(Files.exists(dir.resolve("reports/f")), "no run folder for a refused command");
        Path images = Files.createDirectories(dir.resolve("images"));
        for (int i = 0; i < 4; i++) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 16,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            image.setRGB(i, i, 0xFFFFFF);
            javax.imageio.ImageIO.write(image, "png", images.resolve("i" + i + ".png").toFile());
        }
        new TestProject(dir, dir.resolve("reports"), images).train("f.yaml", null);
        assertTrue(Files.exists(new TestProject(dir).folder("f").run(1).complete()));
    }

    @Test
    void aSecondFileWithTheSameNameIsRefused() throws IOException {
        TestProject project = trained();
        Files.writeString(dir.resolve("copy.yaml"), YAML.replace("base_channels: 4}", "base_channels: 8}"));
        String message = assertThrows(UserException.class, () -> project.train("copy.yaml", null)).getMessage();
        assertEquals(dir.resolve("copy.yaml") + ": its name rec is already the name of " + dir.resolve("rec.yaml")
                + ", whose runs are in " + dir.resolve("reports/rec") + "; give one of the two files another name (its"
                + " name: key)", message);
        // the other goals refuse it too: its runs are not the copy's
        assertThrows(UserException.class, () -> project.check("copy.yaml", false));
        assertNull(Json.LENIENT.readTree(folder(project).latestMetrics().toFile()).path("models").path("flat")
                .path("error").textValue());
    }

    @Test
    void smallMistakesGetOneLine() throws IOException {
        TestProject project = trained();
        Path file = Files.writeString(dir.resolve("reports-file"), "x");
        assertEquals("gan.reports: " + file + " is a file, not a folder; point -Dgan.reports at a folder (default:"
                + " reports/)", assertThrows(UserException.class,
                () -> new TestProject(dir, file, null).train("rec.yaml", null)).getMessage());
        EngineRequest.Bench bench = new EngineRequest.Bench(project.project(null, null), null, 16, 1, 0, null, null,
                null, null, -1, false, null, null);
        assertEquals("gan.zDim: -1 is not allowed; give 1 or more", assertThrows(UserException.class,
                () -> project.engine().bench(bench)).getMessage());
        Files.createDirectories(dir.resolve("experiments/x.yaml"));
        assertEquals("experiments/x.yaml: is a folder, not an experiment file; pass -Dgan.experiment="
                + "experiments/x.yaml/<name>.yaml", assertThrows(UserException.class,
                () -> project.train("experiments/x.yaml", null)).getMessage());
        assertTrue(assertThrows(UserException.class, () -> project.train("rec.yaml", "tr\u00e4in.epochs=2"))
                .getMessage().startsWith("-Dgan.set: the key \"tr\u00e4in.epochs\" in \"tr\u00e4in.epochs=2\" is not"
                        + " a dotted path of ASCII letters"));
        assertTrue(assertThrows(UserException.class, () -> project.train("rec.yaml", "name=.."))
                .getMessage().contains("name: must be a name that starts with a lower-case letter or digit"));
        // every model fails (neither can write its checkpoints): no "results of the others"
        Files.writeString(dir.resolve("broken.yaml"), YAML.replace("name: rec", "name: broken"));
        Path models = dir.resolve("reports/broken/run-0001/models").toAbsolutePath();
        org.melanogans.engine.GanEngine engine = new org.melanogans.engine.GanEngine(
                new org.melanogans.engine.EngineLog() {
                    @Override
                    public void info(String message) {
                        if (message.startsWith("Starting run-0001 of broken")) {
                            try {
                                Files.createDirectories(models);
                                Files.writeString(models.resolve("flat"), "a file where a folder goes");
                                Files.writeString(models.resolve("other"), "a file where a folder goes");
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }

                    @Override
                    public void warn(String message) {
                    }

                    @Override
                    public void debug(String message) {
                    }
                });
        String all = assertThrows(UserException.class, () -> engine.train(new EngineRequest.Train(
                project.project("broken.yaml", null), false, false, List.of()))).getMessage();
        assertTrue(all.startsWith("all 2 models failed; first flat failed: "), all);
        assertFalse(Files.exists(dir.resolve("reports/broken/latest")), "a run that completed nothing is not latest");
    }
}
