package org.melanogans.engine.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.ReportsRoot;
import org.melanogans.engine.layout.RunLayout;
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

    private static final int MAX_DIFF_SHOWN = 5;
    private static final int MAX_CREATE_ATTEMPTS = 1000;

    private RunDirectories() {
    }

    /**
     * Opens the run for an experiment: resumes the newest run when it is unfinished and has the
     * same plan hash (unless {@code fresh}), otherwise creates the next numbered run and writes
     * plan.yaml and plan.sha256 into it before returning.
     *
     * @throws UserException when the newest run is unfinished, {@code fresh} is false and its plan
     *                       differs; the message lists up to five changed keys
     */
    public static RunPlan open(Experiment e, ReportsRoot reports, boolean fresh, EngineLog log) {
        String hash = PlanYaml.hash(e);
        String planText = PlanYaml.write(e);
        ExperimentFolder folder = reports.experiment(e.name());
        try {
            Files.createDirectories(folder.dir());
            List<Integer> runs = folder.runNumbers();
            if (!fresh && !runs.isEmpty()) {
                RunLayout newest = folder.run(runs.get(runs.size() - 1));
                if (!Files.exists(newest.complete())) {
                    String oldHash = readOrNull(newest.planHash());
                    if (hash.equals(oldHash == null ? null : oldHash.trim())) {
                        log.info("Resuming " + newest.id() + " of " + e.name() + " (unfinished, same plan) in "
                                + newest.dir());
                        return new RunPlan(e, newest, hash, true);
                    }
                    throw new UserException(newest.dir() + " is unfinished and " + describeChange(
                            readOrNull(newest.plan()), oldHash, planText)
                            + "; run again with -Dgan.fresh to start a new run, or restore the experiment");
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
                writeAtomically(run.plan(), planText);
                writeAtomically(run.planHash(), hash + "\n");
                log.info("Starting " + run.id() + " of " + e.name() + " in " + run.dir());
                return new RunPlan(e, run, hash, false);
            }
            throw new IllegalStateException("could not create a run directory in " + folder.dir()
                    + " after " + MAX_CREATE_ATTEMPTS + " attempts");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot prepare a run directory in " + folder.dir(), ex);
        }
    }

    /** Marks the run finished: the next {@link #open} starts a new run. */
    public static void markComplete(RunLayout run) {
        try {
            writeAtomically(run.complete(), "completed " + Instant.now() + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot mark " + run.dir() + " complete", ex);
        }
    }

    /**
     * Copies a result file of a run into the experiment's {@code latest/}, replacing the previous
     * copy atomically, so readers of {@code latest/} never see a half-written file.
     */
    public static void publishLatest(ExperimentFolder folder, Path file) {
        Path target = folder.latest().resolve(file.getFileName().toString());
        try {
            AtomicFile.write(target, tmp -> Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot publish " + file + " to " + target, ex);
        }
    }

    /**
     * The run a goal that works on an existing run names.
     *
     * @param runIdOrLatest {@code run-0003} (or just {@code 3}), or {@code latest}: the newest run
     * @throws UserException when there is no run, or no run with that id
     */
    public static RunLayout find(ExperimentFolder folder, String runIdOrLatest) {
        List<Integer> runs = folder.runNumbers();
        String name = folder.dir().getFileName().toString();
        if (runs.isEmpty()) {
            throw new UserException(folder.dir() + ": experiment " + name + " has no runs yet; train it first"
                    + " (gan:train)");
        }
        if (runIdOrLatest == null || runIdOrLatest.trim().equalsIgnoreCase(LATEST)) {
            return folder.run(runs.get(runs.size() - 1));
        }
        Integer number = ExperimentFolder.runNumber(runIdOrLatest);
        if (number == null || !runs.contains(number)) {
            List<String> known = runs.subList(Math.max(0, runs.size() - 5), runs.size()).stream()
                    .map(n -> folder.run(n).id()).toList();
            throw new UserException(folder.dir() + ": no run \"" + runIdOrLatest + "\"; use latest or one of "
                    + (runs.size() > 5 ? "..., " : "") + String.join(", ", known));
        }
        return folder.run(number);
    }

    /** "its plan differs: k old -> new, ..." from the stored and the new plan. */
    private static String describeChange(String oldPlan, String oldHash, String newPlan) {
        if (oldHash == null || oldPlan == null) {
            return "has no complete plan.yaml/plan.sha256 (it was interrupted while being created)";
        }
        Map<String, String> before = flatten(oldPlan);
        Map<String, String> after = flatten(newPlan);
        // the new plan's key order, then keys it no longer has
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
        if (changes.isEmpty()) {
            return "its plan.sha256 does not match its plan.yaml (edited by hand?)";
        }
        String shown = String.join(", ", changes.subList(0, Math.min(MAX_DIFF_SHOWN, changes.size())));
        return "was started with a different plan: " + shown
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
