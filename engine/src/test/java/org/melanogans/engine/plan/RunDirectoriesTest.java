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
        RunPlan run = RunDirectories.open(e, reports(), false, log);
        Path expected = reportsDir().toAbsolutePath().normalize().resolve("p/run-0001");
        assertEquals(new RunPlan(e, new RunLayout(expected), PlanYaml.hash(e), false), run);
        assertEquals(PlanYaml.write(e), Files.readString(expected.resolve("plan.yaml")));
        assertEquals(PlanYaml.hash(e) + "\n", Files.readString(expected.resolve("plan.sha256")));
        assertEquals(List.of("Starting run-0001 of p in " + expected), logged);
        assertNoTempFiles();
    }

    @Test
    void unfinishedRunWithSamePlanIsResumed() throws IOException {
        RunDirectories.open(experiment(Map.of()), reports(), false, log);
        // log_every does not change results, so it does not block the resume
        RunPlan again = RunDirectories.open(experiment(Map.of("train.log_every", "5")), reports(), false, log);
        assertTrue(again.resumed());
        assertEquals("run-0001", again.run().id());
        assertTrue(logged.get(1).startsWith("Resuming run-0001 of p"), logged.get(1));
        assertEquals(List.of("run-0001"), runIds());
    }

    @Test
    void unfinishedRunWithChangedPlanIsRefusedWithTheDiff() throws IOException {
        RunPlan first = RunDirectories.open(experiment(Map.of()), reports(), false, log);
        UserException error = assertThrows(UserException.class, () -> RunDirectories.open(
                experiment(Map.of("train.epochs", "6", "models.0.z_dim", "32", "train.log_every", "9")),
                reports(), false, log));
        assertEquals(first.run().dir() + " is unfinished and was started with a different plan: "
                + "train.epochs 5 -> 6, models.0.z_dim 64 -> 32; run again with -Dgan.fresh to start a new run, "
                + "or restore the experiment", error.getMessage());
        assertEquals(List.of("run-0001"), runIds());
    }

    @Test
    void diffShowsAtMostFiveChanges() throws IOException {
        RunDirectories.open(experiment(Map.of()), reports(), false, log);
        String message = assertThrows(UserException.class, () -> RunDirectories.open(experiment(Map.of(
                "seed", "1", "data.resolution", "64", "data.limit", "3", "data.crop", "none", "train.epochs", "2",
                "train.batch", "4", "models.1.type", "dcgan", "models.1.name", "two")), reports(), false, log))
                .getMessage();
        assertTrue(message.contains(": seed 42 -> 1, data.resolution 32 -> 64, data.crop center -> none, "
                + "data.limit 0 -> 3, train.epochs 5 -> 2 (and 5 more); run again"), message);
    }

    @Test
    void freshStartsANewRunEvenWhenTheNewestIsUnfinished() throws IOException {
        RunDirectories.open(experiment(Map.of()), reports(), false, log);
        RunPlan fresh = RunDirectories.open(experiment(Map.of("train.epochs", "6")), reports(), true, log);
        assertEquals("run-0002", fresh.run().id());
        assertFalse(fresh.resumed());
        assertTrue(Files.readString(fresh.run().dir().resolve("plan.yaml")).contains("epochs: 6"));
        assertEquals(List.of("run-0001", "run-0002"), runIds());
    }

    @Test
    void completeRunIsNeverResumed() throws IOException {
        RunPlan first = RunDirectories.open(experiment(Map.of()), reports(), false, log);
        RunDirectories.markComplete(first.run());
        assertTrue(Files.isRegularFile(first.run().dir().resolve("COMPLETE")));
        RunPlan second = RunDirectories.open(experiment(Map.of()), reports(), false, log);
        assertEquals("run-0002", second.run().id());
        assertFalse(second.resumed());
        // a changed plan after a complete run is no conflict either
        RunDirectories.markComplete(second.run());
        assertEquals("run-0003", RunDirectories.open(experiment(Map.of("train.epochs", "9")), reports(), false, log)
                .run().id());
        assertNoTempFiles();
    }

    @Test
    void numberingContinuesAfterTheHighestRunAndSkipsTakenNumbers() throws IOException {
        Path experimentDir = reportsDir().resolve("p");
        Files.createDirectories(experimentDir.resolve("run-0009"));
        Files.writeString(experimentDir.resolve("run-0009/COMPLETE"), "");
        Files.createDirectories(experimentDir.resolve("notes"));
        assertEquals("run-0010", RunDirectories.open(experiment(Map.of()), reports(), false, log).run().id());
    }

    @Test
    void runWithoutPlanHashIsRefused() throws IOException {
        Files.createDirectories(reportsDir().resolve("p/run-0001"));
        String message = assertThrows(UserException.class,
                () -> RunDirectories.open(experiment(Map.of()), reports(), false, log)).getMessage();
        assertTrue(message.contains("run-0001 is unfinished and has no complete plan.yaml/plan.sha256"), message);
        assertTrue(message.endsWith("run again with -Dgan.fresh to start a new run, or restore the experiment"));
    }

    @Test
    void publishLatestReplacesTheCopyAtomically() throws IOException {
        RunPlan run = RunDirectories.open(experiment(Map.of()), reports(), false, log);
        Path report = Files.writeString(run.run().dir().resolve("metrics.jsonl"), "one\n");
        RunDirectories.publishLatest(reports().experiment("p"), report);
        Path latest = reportsDir().toAbsolutePath().normalize().resolve("p/latest/metrics.jsonl");
        assertEquals("one\n", Files.readString(latest));
        Files.writeString(report, "two\n");
        RunDirectories.publishLatest(reports().experiment("p"), report);
        assertEquals("two\n", Files.readString(latest));
        assertNoTempFiles();
        // latest/ is not a run: the next open still resumes run-0001
        assertEquals("run-0001", RunDirectories.open(experiment(Map.of()), reports(), false, log).run().id());
    }

    @Test
    void findLooksUpRunsByIdOrLatest() throws IOException {
        ExperimentFolder p = reports().experiment("p");
        UserException none = assertThrows(UserException.class, () -> RunDirectories.find(p, "latest"));
        assertTrue(none.getMessage().endsWith("experiment p has no runs yet; train it first (gan:train)"),
                none.getMessage());
        RunPlan first = RunDirectories.open(experiment(Map.of()), reports(), false, log);
        RunDirectories.markComplete(first.run());
        RunPlan second = RunDirectories.open(experiment(Map.of()), reports(), false, log);
        assertEquals(second.run(), RunDirectories.find(p, "latest"));
        assertEquals(first.run(), RunDirectories.find(p, "run-0001"));
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
