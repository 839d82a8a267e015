package org.melanogans.engine.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.Folders;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.Host;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.ReportsRoot;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelStatus;
import org.melanogans.engine.shard.Shard;
import org.melanogans.engine.shard.ShardRecord;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Opens, finds and finishes the numbered runs of an experiment ({@link ExperimentFolder}). Each run
 * holds the resolved plan and its hash from the start, and a {@code COMPLETE} marker once finished.
 * An unfinished newest run is resumed when its plan is unchanged, and refused (with the changed
 * keys) when it differs, unless a fresh run is asked for.
 */
public final class RunDirectories {
    /** What {@code gan.run} calls the newest run. */
    public static final String LATEST = "latest";

    private static final String TRAIN = "gan:train";
    private static final int MAX_DIFF_SHOWN = 5;
    private static final int MAX_CREATE_ATTEMPTS = 1000;

    private RunDirectories() {
    }

    /**
     * Opens the run for an experiment: resumes the newest run when it is unfinished and has the
     * same plan hash (unless {@code fresh}), otherwise creates the next numbered run and writes
     * plan.yaml, plan.sha256 and the record of its source file into it before returning. An
     * unfinished newest run that did no work (nothing trained, no checkpoint) holds no evidence: it
     * is replaced, so it never blocks a corrected command.
     *
     * @param sourceText the experiment file's content, kept in the run
     * @param shard      the shard this build runs ({@code shard.json} in the run), or null: the whole run
     * @throws UserException when another experiment file of the same name has runs here, or when
     *                       the newest run is unfinished, {@code fresh} is false and its plan
     *                       differs (the message lists up to five changed keys)
     */
    public static RunPlan open(Experiment e, String sourceText, ReportsRoot reports, boolean fresh, Shard shard,
                               EngineLog log) {
        String hash = PlanYaml.hash(e);
        String planText = PlanYaml.write(e);
        ExperimentFolder folder = reports.experiment(e.name());
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException ex) {
            throw new UserException(folder.dir() + ": cannot create the experiment's folder (" + ex.getMessage()
                    + "); check -Dgan.reports points at a writable folder", ex);
        }
        SourceRecord.requireSameSource(folder, e);
        try {
            List<Integer> runs = folder.runNumbers();
            if (!runs.isEmpty() && !Files.exists(folder.run(runs.get(runs.size() - 1)).complete())) {
                RunLayout newest = folder.run(runs.get(runs.size() - 1));
                RunLock lock = RunLock.tryAcquire(newest, TRAIN, log::warn);
                if (lock == null && !fresh) {
                    throw RunLock.refusal(newest, "wait for it to end, or start a new run with -Dgan.fresh");
                }
                if (lock != null && !didWork(newest)) {
                    lock.close();
                    log.warn(newest.id() + " of " + e.name() + " did no work (nothing trained): it is replaced");
                    Folders.delete(newest.dir());
                    runs = folder.runNumbers();
                } else if (lock != null && !fresh) {
                    String oldHash = readOrNull(newest.planHash());
                    Shard oldShard = Files.isRegularFile(newest.shard()) ? ShardRecord.read(newest.shard()).shard()
                            : null;
                    if (hash.equals(oldHash == null ? null : oldHash.trim()) && !Objects.equals(shard, oldShard)) {
                        lock.close();
                        throw new UserException(newest.dir() + " is unfinished and holds " + (oldShard == null
                                ? "the whole run" : "shard " + oldShard) + ", not " + (shard == null ? "the whole run"
                                : "shard " + shard) + "; run again with -Dgan.fresh to start a new run, or with"
                                + (oldShard == null ? "out -Dgan.shard" : " -Dgan.shard=" + oldShard)
                                + " to finish it");
                    }
                    if (hash.equals(oldHash == null ? null : oldHash.trim())) {
                        log.info("Resuming " + newest.id() + " of " + e.name() + " (unfinished, same plan) in "
                                + newest.dir());
                        return new RunPlan(e, newest, hash, true, lock);
                    }
                    lock.close();
                    throw new UserException(newest.dir() + " is unfinished and " + describeChange(
                            readOrNull(newest.plan()), oldHash, planText)
                            + "; run again with -Dgan.fresh to start a new run, or restore the experiment");
                } else if (lock != null) {
                    lock.close();
                }
            }
            int next = runs.isEmpty() ? 1 : runs.get(runs.size() - 1) + 1;
            for (int attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++, next++) {
                RunLayout run = folder.run(next);
                try {
                    Files.createDirectory(run.dir());
                } catch (FileAlreadyExistsException taken) {
                    continue;   // another build created this number first: take the next one
                }
                RunLock lock = RunLock.acquire(run, TRAIN, "start a new run with -Dgan.fresh", log::warn);
                SourceRecord.write(run, e, sourceText);
                writeAtomically(run.plan(), planText);
                writeAtomically(run.planHash(), hash + "\n");
                if (shard != null) {
                    new ShardRecord(shard.index(), shard.count(), hash,
                            shard.of(e).stream().map(Shard.Unit::toString).toList(), Host.name()).write(run.shard());
                }
                log.info("Starting " + run.id() + " of " + e.name() + (shard == null ? "" : " (shard " + shard + ")")
                        + " in " + run.dir());
                return new RunPlan(e, run, hash, false, lock);
            }
            throw new IllegalStateException("could not create a run directory in " + folder.dir()
                    + " after " + MAX_CREATE_ATTEMPTS + " attempts");
        } catch (IOException ex) {
            throw new UserException(folder.dir() + ": cannot prepare a run folder (" + ex.getMessage()
                    + "); check the folder is writable", ex);
        }
    }

    /**
     * Whether the run holds any evidence: a checkpoint, a finished use-case classifier (a stage-only
     * run has no checkpoint before its metrics.json), or a model or stage it completed.
     */
    public static boolean didWork(RunLayout run) throws IOException {
        try (Stream<Path> files = Files.walk(run.dir())) {
            if (files.anyMatch(f -> f.getFileName().toString().equals("state.json")
                    || run.isUsecaseResult(f) && Files.isRegularFile(f))) {
                return true;
            }
        }
        if (!Files.isRegularFile(run.metrics())) {
            return false;
        }
        MetricsFile metrics = MetricsFile.read(run.metrics());
        return metrics.models().values().stream().anyMatch(m -> m.status() == ModelStatus.COMPLETED)
                || metrics.usecase() != null && metrics.usecase().status() == ModelStatus.COMPLETED;
    }

    /** Marks the run finished: the next {@link #open} starts a new run. */
    public static void markComplete(RunLayout run) {
        try {
            writeAtomically(run.complete(), "completed " + Instant.now() + "\n");
        } catch (IOException ex) {
            throw new UserException(run.complete() + ": cannot mark the run complete (" + ex.getMessage()
                    + "); check the folder is writable", ex);
        }
    }

    /**
     * The run a goal that works on an existing run names.
     *
     * @param runIdOrLatest {@code run-0003} (or just {@code 3}), or {@code latest}: the run that
     *                      published the experiment's latest/metrics.json (the newest run with
     *                      results; a run that did no work never becomes latest)
     * @throws UserException when there is no such run
     */
    public static RunLayout find(ExperimentFolder folder, String runIdOrLatest) {
        List<Integer> runs = folder.runNumbers();
        String name = folder.dir().getFileName().toString();
        if (runIdOrLatest == null || runIdOrLatest.trim().equalsIgnoreCase(LATEST)) {
            Integer latest = Files.isRegularFile(folder.latestMetrics())
                    ? ExperimentFolder.runNumber(MetricsFile.read(folder.latestMetrics()).run()) : null;
            if (latest == null || !runs.contains(latest)) {
                throw new UserException(folder.dir() + ": experiment " + name + " has no results yet; train it first"
                        + " (gan:train)");
            }
            return folder.run(latest);
        }
        Integer number = ExperimentFolder.runNumber(runIdOrLatest);
        if (number == null || !runs.contains(number)) {
            List<String> known = runs.subList(Math.max(0, runs.size() - 5), runs.size()).stream()
                    .map(n -> folder.run(n).id()).toList();
            throw new UserException(folder.dir() + ": no run \"" + runIdOrLatest + "\"; use latest"
                    + (known.isEmpty() ? "" : " or one of " + (runs.size() > 5 ? "..., " : "") + String.join(", ", known)));
        }
        return folder.run(number);
    }

    /**
     * The run's own plan, read back: its data, models and settings, whatever the experiment file
     * says today.
     */
    public static Experiment readPlan(RunLayout run, Path baseDir) {
        if (!Files.isRegularFile(run.plan())) {
            throw new UserException(run.plan() + ": the run has no plan; it was interrupted while being created");
        }
        return ExperimentLoader.load(run.plan(), baseDir, Map.of(), Map.of());
    }

    /**
     * How {@code current} differs from the plan {@code run} was made with, as "key old -> new, ..."
     * (at most five keys), or null when it does not.
     */
    public static String changesSince(RunLayout run, Experiment current) {
        try {
            String old = readOrNull(run.plan());
            String now = PlanYaml.write(current);
            String changes = old == null ? null : listChanges(flatten(old), flatten(now));
            return changes == null || changes.isEmpty() ? null : changes;
        } catch (IOException ex) {
            throw new UserException(run.plan() + ": cannot read (" + ex.getMessage() + ")", ex);
        }
    }

    /** "its plan differs: k old -> new, ..." from the stored and the new plan. */
    private static String describeChange(String oldPlan, String oldHash, String newPlan) {
        if (oldHash == null || oldPlan == null) {
            return "has no complete plan.yaml/plan.sha256 (it was interrupted while being created)";
        }
        String changes = listChanges(flatten(oldPlan), flatten(newPlan));
        if (changes.isEmpty()) {
            return "its plan.sha256 does not match its plan.yaml (edited by hand, or hashed by an older version of"
                    + " the plugin)";
        }
        return "was started with a different plan: " + changes;
    }

    /** Up to five "key old -> new", the new plan's key order, then keys it no longer has; "" when equal. */
    private static String listChanges(Map<String, String> before, Map<String, String> after) {
        List<String> ordered = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(ordered::add);
        List<String> changes = new ArrayList<>();
        for (String key : ordered) {
            String a = before.getOrDefault(key, "(none)");
            String b = after.getOrDefault(key, "(none)");
            if (!a.equals(b)) {
                changes.add(key + " " + a + " -> " + b);
            }
        }
        return String.join(", ", changes.subList(0, Math.min(MAX_DIFF_SHOWN, changes.size())))
                + (changes.size() > MAX_DIFF_SHOWN ? " (and " + (changes.size() - MAX_DIFF_SHOWN) + " more)" : "");
    }

    /**
     * The plan as {@code key.path -> value}; list elements that are maps by index
     * ({@code models.0.z_dim}), lists of plain values as one value ({@code [nevus, melanoma]}).
     * Keys in {@link PlanYaml#NOT_HASHED} are left out, as they are of the hash.
     */
    static Map<String, String> flatten(String planYaml) {
        Map<String, String> out = new LinkedHashMap<>();
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(planYaml);
        } catch (YAMLException ex) {
            return out;   // an unreadable old plan: every key shows as changed
        }
        flatten("", tree, out);
        PlanYaml.NOT_HASHED.forEach(out::remove);
        return out;
    }

    private static void flatten(String path, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out));
        } else if (value instanceof List<?> list && list.stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "." + i, list.get(i), out);
            }
        } else {
            out.put(path, String.valueOf(value));
        }
    }

    private static String readOrNull(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException ex) {
            return null;
        }
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        AtomicFile.write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }
}
