package org.melanogans.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.ReportsRoot;
import org.melanogans.engine.layout.RunLayout;

class RunDirectoriesTest {
    @TempDir
    Path dir;

    private final List<String> logged = new ArrayList<>();
    private final EngineLog log = new EngineLog() {
        @Override
        public void info(String message) {
            logged.add(message);
        }

        @Override
        public void warn(String message) {
            logged.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
        }
    };

    private Experiment experiment(Map<String, String> overrides) throws IOException {
        return PlanYamlTest.experiment(dir, overrides);
    }

    private ReportsRoot reports() {
        return new ReportsRoot(dir.resolve("reports"));
    }

    private Path reportsDir() {
        return dir.resolve("reports");
    }

    @Test
    void firstRunCreatesRun0001WithPlanAndHash() throws IOException {
        Experiment e = experiment(Map.of());
        RunPlan run = opened(e, PlanYamlTest.YAML, reports(), false, log);
        Path expected = reportsDir().toAbsolutePath().normalize().resolve("p/run-0001");
        assertEquals(new RunLayout(expected), run.run());
        assertEquals(PlanYaml.hash(e), run.planHash());
        assertFalse(run.resumed());
        assertEquals(PlanYaml.write(e), Files.readString(expected.resolve("plan.yaml")));
        assertEquals(PlanYaml.hash(e) + "\n", Files.readString(expected.resolve("plan.sha256")));
        assertEquals(List.of("Starting run-0001 of p in " + expected), logged);
        assertNoTempFiles();
    }

    /** Opens a run as gan:train does and lets it go, as gan:train does when it ends. */
    private static RunPlan opened(Experiment e, String text, ReportsRoot reports, boolean fresh, EngineLog log) {
        RunPlan plan = RunDirectories.open(e, text, reports, fresh, null, log);
        plan.close();
        return plan;
    }

    /** What a run that trained leaves: a checkpoint. */
    private static RunPlan worked(RunPlan run) throws IOException {
        Path state = run.run().dir().resolve("models/m/checkpoints/step-00000001/state.json");
        Files.createDirectories(state.getParent());
        Files.writeString(state, "{}");
        return run;
    }

    @Test
    void unfinishedRunWithSamePlanIsResumed() throws IOException {
        worked(opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log));
        // log_every does not change results, so it does not block the resume
        RunPlan again = opened(experiment(Map.of("train.log_every", "5")), PlanYamlTest.YAML, reports(), false, log);
        assertTrue(again.resumed());
        assertEquals("run-0001", again.run().id());
        assertTrue(logged.get(1).startsWith("Resuming run-0001 of p"), logged.get(1));
        assertEquals(List.of("run-0001"), runIds());
    }

    @Test
    void unfinishedRunWithChangedPlanIsRefusedWithTheDiff() throws IOException {
        RunPlan first = worked(opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log));
        UserException error = assertThrows(UserException.class, () -> opened(
                experiment(Map.of("train.epochs", "6", "models.0.z_dim", "32", "train.log_every", "9")), PlanYamlTest.YAML,
                reports(), false, log));
        assertEquals(first.run().dir() + " is unfinished and was started with a different plan: "
                + "train.epochs 5 -> 6, models.0.z_dim 64 -> 32; run again with -Dgan.fresh to start a new run, "
                + "or restore the experiment", error.getMessage());
        assertEquals(List.of("run-0001"), runIds());
    }

    @Test
    void diffShowsAtMostFiveChanges() throws IOException {
        worked(opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log));
        String message = assertThrows(UserException.class, () -> opened(experiment(Map.of(
                "seed", "1", "data.resolution", "64", "data.limit", "3", "data.crop", "none", "train.epochs", "2",
                "train.batch", "4", "models.1.type", "dcgan", "models.1.name", "two")), PlanYamlTest.YAML, reports(), false, log))
                .getMessage();
        assertTrue(message.contains(": seed 42 -> 1, data.resolution 32 -> 64, data.crop center -> none, "
                + "data.limit 0 -> 3, train.epochs 5 -> 2 (and 5 more); run again"), message);
    }

    @Test
    void freshStartsANewRunEvenWhenTheNewestIsUnfinished() throws IOException {
        worked(opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log));
        RunPlan fresh = opened(experiment(Map.of("train.epochs", "6")), PlanYamlTest.YAML, reports(), true, log);
        assertEquals("run-0002", fresh.run().id());
        assertFalse(fresh.resumed());
        assertTrue(Files.readString(fresh.run().dir().resolve("plan.yaml")).contains("epochs: 6"));
        assertEquals(List.of("run-0001", "run-0002"), runIds());
    }

    @Test
    void completeRunIsNeverResumed() throws IOException {
        RunPlan first = opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log);
        RunDirectories.markComplete(first.run());
        assertTrue(Files.isRegularFile(first.run().dir().resolve("COMPLETE")));
        RunPlan second = opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log);
        assertEquals("run-0002", second.run().id());
        assertFalse(second.resumed());
        // a changed plan after a complete run is no conflict either
        RunDirectories.markComplete(second.run());
        assertEquals("run-0003", opened(experiment(Map.of("train.epochs", "9")), PlanYamlTest.YAML, reports(), false, log)
                .run().id());
        assertNoTempFiles();
    }

    @Test
    void aRunAnotherBuildHoldsIsNeitherResumedNorReplaced() throws IOException {
        try (RunPlan held = RunDirectories.open(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, null, log)) {
            // it has not saved a checkpoint yet, so it looks as if it did no work
            String message = assertThrows(UserException.class, () -> opened(experiment(Map.of()), PlanYamlTest.YAML,
                    reports(), false, log)).getMessage();
            assertTrue(message.startsWith(held.run().dir() + " is being written by gan:train (pid "
                    + ProcessHandle.current().pid() + " on "), message);
            assertTrue(message.endsWith("); wait for it to end, or start a new run with -Dgan.fresh"), message);
            assertTrue(Files.isRegularFile(held.run().plan()), "its folder is intact");
            assertEquals("run-0002", opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), true, log).run().id());
        }
    }

    @Test
    void numberingContinuesAfterTheHighestRunAndSkipsTakenNumbers() throws IOException {
        Path experimentDir = reportsDir().resolve("p");
        Files.createDirectories(experimentDir.resolve("run-0009"));
        Files.writeString(experimentDir.resolve("run-0009/COMPLETE"), "");
        Files.createDirectories(experimentDir.resolve("notes"));
        assertEquals("run-0010", opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log).run().id());
    }

    @Test
    void anUnfinishedRunThatDidNoWorkIsReplacedNotABlock() throws IOException {
        // interrupted while being created: no plan at all
        Files.createDirectories(reportsDir().resolve("p/run-0001"));
        RunPlan first = opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log);
        assertEquals("run-0001", first.run().id());
        // a typo in the plan, nothing trained yet: the corrected command is not refused, and no empty run stays
        RunPlan corrected = opened(experiment(Map.of("train.epochs", "6")), PlanYamlTest.YAML, reports(),
                false, log);
        assertEquals("run-0001", corrected.run().id());
        assertTrue(Files.readString(corrected.run().plan()).contains("epochs: 6"));
        assertEquals(List.of("run-0001"), runIds());
        assertTrue(logged.contains("WARN run-0001 of p did no work (nothing trained): it is replaced"),
                logged.toString());
    }

    @Test
    void aFinishedUsecaseClassifierIsWorkEvenWithoutACheckpoint() throws IOException {
        // a stage-only run killed after its first classifier: no checkpoint, no metrics.json yet
        RunPlan killed = opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log);
        Path result = killed.run().usecaseSeed(1).result("b-full");
        Files.createDirectories(result.getParent());
        Files.writeString(result, "{}");
        killed.close();
        RunPlan again = opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log);
        assertEquals("run-0001", again.run().id());
        assertTrue(again.resumed(), "resumed, not replaced");
        assertTrue(Files.isRegularFile(result), "the finished classifier is kept");
        assertFalse(logged.stream().anyMatch(l -> l.contains("did no work")), logged.toString());
    }

    @Test
    void aRunRecordsItsSourceAndAnotherFileOfTheSameNameIsRefused() throws IOException {
        RunPlan first = opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log);
        assertEquals(PlanYamlTest.YAML, Files.readString(first.run().experimentCopy()));
        assertTrue(Files.readString(first.run().source()).contains(dir.resolve("p.yaml").toString()));
        Path copy = dir.resolve("copy.yaml");
        Files.writeString(copy, PlanYamlTest.YAML);   // its name: is p as well
        Experiment other = org.melanogans.engine.experiment.ExperimentLoader.load(copy, dir, Map.of(), Map.of());
        String message = assertThrows(UserException.class,
                () -> opened(other, PlanYamlTest.YAML, reports(), false, log)).getMessage();
        assertEquals(copy + ": its name p is already the name of " + dir.resolve("p.yaml") + ", whose runs are in "
                + reportsDir().toAbsolutePath().normalize().resolve("p") + "; give one of the two files another name (its name: key)", message);
    }

    @Test
    void findLooksUpRunsByIdOrLatest() throws IOException {
        ExperimentFolder p = reports().experiment("p");
        UserException none = assertThrows(UserException.class, () -> RunDirectories.find(p, "latest"));
        assertTrue(none.getMessage().endsWith("experiment p has no results yet; train it first (gan:train)"),
                none.getMessage());
        RunPlan first = worked(opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log));
        RunDirectories.markComplete(first.run());
        RunPlan second = opened(experiment(Map.of()), PlanYamlTest.YAML, reports(), false, log);
        // latest is the run latest/metrics.json came from, not the newest folder
        Files.createDirectories(p.latest());
        Files.writeString(p.latestMetrics(), "{\"experiment\": \"p\", \"run\": \"run-0001\"}");
        assertEquals(first.run(), RunDirectories.find(p, "latest"));
        assertEquals(second.run(), RunDirectories.find(p, "run-0002"));
        assertEquals(first.run(), RunDirectories.find(p, "1"));
        String message = assertThrows(UserException.class, () -> RunDirectories.find(p, "../run-0001")).getMessage();
        assertTrue(message.endsWith("no run \"../run-0001\"; use latest or one of run-0001, run-0002"), message);
        assertThrows(UserException.class, () -> RunDirectories.find(p, "run-0007"));
    }

    private List<String> runIds() throws IOException {
        try (Stream<Path> s = Files.list(reportsDir().resolve("p"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("run-")).sorted().toList();
        }
    }

    private void assertNoTempFiles() throws IOException {
        try (Stream<Path> s = Files.walk(reportsDir())) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temps);
        }
    }
}
