package org.melanogans.engine.goal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.layout.GanUnit;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.PlanYaml;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.plan.RunPlan;
import org.melanogans.engine.report.RunReport;
import org.melanogans.engine.results.LatestResults;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.MetricsHistory;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.SeedFigures;
import org.melanogans.engine.results.UsecaseMetrics;
import org.melanogans.engine.shard.Shard;
import org.melanogans.engine.shard.ShardRecord;
import org.melanogans.engine.usecase.UsecaseStage;

/**
 * gan:merge: the runs of an experiment's shards ({@code gan:train -Dgan.shard=i/n}, on other
 * machines) combined into one run of the experiment, its newest, with its latest/metrics.json.
 * Every unit's files are copied in; the figures are recomputed over all units exactly as an
 * unsharded run computes them (the same per-seed figures in the same order give the same means);
 * {@code shards.json} names the shards, so the report labels each comparison with the shards and
 * hosts whose units it summarises. Nothing is written unless every unit of the experiment is
 * present.
 */
public final class MergeGoal {
    /** Top-level files of a shard's run that belong to that run, not to its units. */
    private static final Set<String> RUN_FILES = Set.of("plan.yaml", "plan.sha256", "source.json", "experiment.yaml",
            "shard.json", "COMPLETE", RunLayout.METRICS, ".lock", "allure-results", "reevaluations", "extra-samples");
    /** How deep below a gan.from folder shard runs are looked for (artifacts unpack a few levels down). */
    private static final int SEARCH_DEPTH = 5;

    private MergeGoal() {
    }

    /** A shard's finished run: where it is, what it says it is, and its figures. */
    private record ShardRun(RunLayout run, ShardRecord shard, MetricsFile metrics) {
    }

    public static void run(Workspace workspace, EngineRequest.Merge request) {
        EngineLog log = workspace.log();
        Experiment experiment = workspace.experiment();
        List<ShardRun> shards = shards(workspace, request.from(), log);
        check(experiment, shards, workspace);
        List<Shard.Unit> missing = new ArrayList<>(Shard.units(experiment));
        Map<Shard.Unit, ShardRun> owner = new LinkedHashMap<>();
        for (ShardRun s : shards) {
            for (Shard.Unit unit : s.shard().shard().of(experiment)) {
                owner.put(unit, s);
                missing.remove(unit);
            }
        }
        if (!missing.isEmpty()) {
            throw new UserException("gan.from: cannot merge " + experiment.name() + ": " + missing.size() + " of "
                    + Shard.units(experiment).size() + " units are missing (" + missing.stream().map(Shard.Unit::toString)
                    .collect(Collectors.joining(", ")) + "); pass the runs of shards " + missingShards(shards)
                    + " of " + shards.get(0).shard().count() + " too, or finish them with gan:train -Dgan.shard");
        }
        try (RunPlan plan = RunDirectories.open(experiment, ExperimentLoader.sourceText(experiment),
                workspace.reports(), true, null, log)) {
            RunLayout merged = plan.run();
            for (ShardRun s : shards) {
                copyUnits(s.run().dir(), merged.dir());
            }
            MetricsFile metrics = MetricsFile.start(experiment.name(), merged.id(), shards.get(0).metrics().dataset(),
                    shards.get(0).metrics().environment());
            Map<String, String> hashes = new LinkedHashMap<>();
            List<String> usecaseGans = Workspace.usecaseGans(experiment);
            for (ModelConfig model : experiment.models()) {
                if (usecaseGans.contains(model.name())) {
                    continue;
                }
                String hash = PlanYaml.modelHash(experiment, model);
                hashes.put(model.name(), hash);
                List<SeedFigures> figures = new ArrayList<>();
                for (GanUnit unit : merged.units(model.name(), experiment.seeds())) {
                    if (!Files.isRegularFile(unit.layout().result())) {
                        throw new UserException(owner.get(new Shard.Unit(model.name(), unit.seed())).run().dir()
                                + ": " + unit.label() + " has no " + unit.layout().result().getFileName()
                                + " although its shard finished; rerun that shard");
                    }
                    figures.add(SeedFigures.read(unit.layout().result()));
                }
                metrics = metrics.withModel(model.name(), ModelMetrics.ofSeeds(figures).from(merged.id(), hash));
            }
            if (experiment.usecase() != null) {
                UsecaseMetrics usecase = new UsecaseStage(experiment, plan, log).fromFiles();
                if (usecase == null) {
                    throw new UserException(merged.dir() + ": the use-case stage's classifier results are incomplete"
                            + " although its shards finished; rerun the shards that hold its seeds");
                }
                metrics = metrics.withUsecase(usecase.from(merged.id(), plan.planHash()));
            }
            metrics.write(merged.metrics());
            Json.write(merged.shards(), shards.stream().map(ShardRun::shard).toList());
            MetricsHistory.appendOnce(workspace.folder(experiment).history(), metrics);
            var comparisons = RunReport.write(experiment, metrics, merged, workspace.folder(experiment));
            LatestResults.publish(workspace.folder(experiment), merged, metrics, hashes, plan.planHash());
            RunDirectories.markComplete(merged);
            log.info("Merged " + shards.size() + " shards (" + Shard.units(experiment).size() + " units, from "
                    + shards.stream().map(s -> s.shard().host()).distinct().collect(Collectors.joining(", "))
                    + ") into " + merged.dir() + "; " + comparisons.size() + " comparisons in " + merged.allureResults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every finished shard run in or below the given folders. */
    private static List<ShardRun> shards(Workspace workspace, List<Path> from, EngineLog log) {
        if (from == null || from.isEmpty()) {
            throw new UserException("gan.from: no folders given; pass the shards' run folders, or a folder holding"
                    + " them, e.g. -Dgan.from=shards/ or -Dgan.from=a/run-0001,b/run-0001");
        }
        List<ShardRun> out = new ArrayList<>();
        for (Path given : from) {
            Path dir = workspace.resolve(given);
            if (!Files.isDirectory(dir)) {
                throw new UserException("gan.from: " + dir + " is not a folder; pass the shards' run folders or a"
                        + " folder holding them");
            }
            List<Path> records;
            try (Stream<Path> files = Files.find(dir, SEARCH_DEPTH, (p, a) -> a.isRegularFile()
                    && p.getFileName().toString().equals("shard.json"))) {
                records = files.sorted().toList();
            } catch (IOException e) {
                throw new UserException("gan.from: cannot read " + dir + " (" + e.getMessage() + ")", e);
            }
            if (records.isEmpty()) {
                throw new UserException("gan.from: " + dir + " holds no shard run (no shard.json within "
                        + SEARCH_DEPTH + " levels); pass what gan:train -Dgan.shard=i/n wrote");
            }
            for (Path record : records) {
                RunLayout run = new RunLayout(record.getParent());
                if (!Files.isRegularFile(run.complete())) {
                    log.warn(run.dir() + ": shard " + ShardRecord.read(record).shard() + " did not finish; its units"
                            + " are left out");
                    continue;
                }
                out.add(new ShardRun(run, ShardRecord.read(record), MetricsFile.read(run.metrics())));
            }
        }
        if (out.isEmpty()) {
            throw new UserException("gan.from: no finished shard run in " + from + "; finish them with gan:train"
                    + " -Dgan.shard=i/n first");
        }
        return out;
    }

    /** One plan, one data set, one split into shards, each shard once. */
    private static void check(Experiment experiment, List<ShardRun> shards, Workspace workspace) {
        String portable = PlanYaml.portableHash(experiment);
        Map<Integer, Path> seen = new TreeMap<>();
        for (ShardRun s : shards) {
            Experiment plan = RunDirectories.readPlan(s.run(), s.run().dir());
            if (!portable.equals(PlanYaml.portableHash(plan))) {
                throw new UserException(s.run().dir() + ": shard " + s.shard().shard() + " ran another plan than "
                        + workspace.display(experiment) + " (" + RunDirectories.changesSince(s.run(), experiment)
                        + "); merge shards of the same experiment, run with the same settings");
            }
            if (s.shard().count() != shards.get(0).shard().count()) {
                throw new UserException(s.run().dir() + ": shard " + s.shard().shard() + " belongs to a split into "
                        + s.shard().count() + ", " + shards.get(0).run().dir() + " to a split into "
                        + shards.get(0).shard().count() + "; merge the shards of one split");
            }
            if (!Objects.equals(sha(s.metrics()), sha(shards.get(0).metrics()))) {
                throw new UserException(s.run().dir() + ": shard " + s.shard().shard() + " trained on other images"
                        + " (dataset sha256 " + sha(s.metrics()) + ", " + shards.get(0).run().dir() + ": "
                        + sha(shards.get(0).metrics()) + "); merge shards that read the same data");
            }
            Path before = seen.put(s.shard().index(), s.run().dir());
            if (before != null) {
                throw new UserException("gan.from: shard " + s.shard().shard() + " is there twice (" + before + ", "
                        + s.run().dir() + "); pass one of them");
            }
        }
    }

    private static String sha(MetricsFile m) {
        return m.dataset() == null ? null : m.dataset().sha256();
    }

    private static String missingShards(List<ShardRun> shards) {
        int count = shards.get(0).shard().count();
        Set<Integer> have = shards.stream().map(s -> s.shard().index()).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!have.contains(i)) {
                missing.add(String.valueOf(i));
            }
        }
        return String.join(", ", missing);
    }

    /** Copies a shard run's unit files into the merged run; files two shards share are taken once. */
    private static void copyUnits(Path shard, Path merged) throws IOException {
        try (Stream<Path> top = Files.list(shard)) {
            for (Path entry : top.filter(p -> !RUN_FILES.contains(p.getFileName().toString())).toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path source : tree.toList()) {
                        Path target = merged.resolve(shard.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else if (!Files.exists(target)) {
                            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                }
            }
        }
    }
}
