package org.melanogans.engine.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Numbered run directories {@code reportsRoot/<experiment>/run-0001/}, ... Each holds the
 * resolved {@code plan.yaml} and its {@code plan.sha256} from the start, and a {@code COMPLETE}
 * marker once finished. An unfinished newest run is resumed when its plan is unchanged, and
 * refused (with the changed keys) when it differs, unless a fresh run is asked for.
 */
public final class RunDirectories {
    /** Marker file of a finished run. */
    public static final String COMPLETE = "COMPLETE";
    /** The resolved plan of a run. */
    public static final String PLAN = "plan.yaml";
    /** The plan's hash, written after {@link #PLAN}, so its presence means the plan is whole. */
    public static final String PLAN_HASH = "plan.sha256";
    /** The folder beside the runs that holds the newest published copy of each report file. */
    public static final String LATEST = "latest";

    private static final Pattern RUN_ID = Pattern.compile("run-(\\d{4,9})");
    private static final int MAX_DIFF_SHOWN = 5;
    private static final int MAX_CREATE_ATTEMPTS = 1000;

    private RunDirectories() {
    }

    /**
     * Opens the run for an experiment: resumes the newest run when it is unfinished and has the
     * same plan hash (unless {@code fresh}), otherwise creates the next numbered run directory and
     * writes plan.yaml and plan.sha256 into it before returning.
     *
     * @throws UserException when the newest run is unfinished, {@code fresh} is false and its plan
     *                       differs; the message lists up to five changed keys
     */
    public static RunPlan open(Experiment e, Path reportsRoot, boolean fresh, EngineLog log) {
        String hash = PlanYaml.hash(e);
        String planText = PlanYaml.write(e);
        Path experimentDir = reportsRoot.toAbsolutePath().normalize().resolve(e.name());
        try {
            Files.createDirectories(experimentDir);
            List<Integer> runs = runNumbers(experimentDir);
            if (!fresh && !runs.isEmpty()) {
                int newest = runs.get(runs.size() - 1);
                Path runDir = experimentDir.resolve(runId(newest));
                if (!Files.exists(runDir.resolve(COMPLETE))) {
                    String oldHash = readOrNull(runDir.resolve(PLAN_HASH));
                    if (hash.equals(oldHash == null ? null : oldHash.trim())) {
                        log.info("Resuming " + runId(newest) + " of " + e.name()
                                + " (unfinished, same plan) in " + runDir);
                        return new RunPlan(e, runId(newest), runDir, hash, true);
                    }
                    throw new UserException(runDir + " is unfinished and " + describeChange(
                            readOrNull(runDir.resolve(PLAN)), oldHash, planText)
                            + "; run again with -Dgan.fresh to start a new run, or restore the experiment");
                }
            }
            int next = runs.isEmpty() ? 1 : runs.get(runs.size() - 1) + 1;
            for (int attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++, next++) {
                Path runDir = experimentDir.resolve(runId(next));
                try {
                    Files.createDirectory(runDir);
                } catch (FileAlreadyExistsException taken) {
                    continue;   // another build created this number first: take the next one
                }
                writeAtomically(runDir.resolve(PLAN), planText);
                writeAtomically(runDir.resolve(PLAN_HASH), hash + "\n");
                log.info("Starting " + runId(next) + " of " + e.name() + " in " + runDir);
                return new RunPlan(e, runId(next), runDir, hash, false);
            }
            throw new IllegalStateException("could not create a run directory in " + experimentDir
                    + " after " + MAX_CREATE_ATTEMPTS + " attempts");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot prepare a run directory in " + experimentDir, ex);
        }
    }

    /** Marks the run finished: the next {@link #open} starts a new run. */
    public static void markComplete(RunPlan plan) {
        try {
            writeAtomically(plan.runDir().resolve(COMPLETE), "completed " + Instant.now() + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot mark " + plan.runDir() + " complete", ex);
        }
    }

    /**
     * Copies a report file of the run to {@code reportsRoot/<name>/latest/<file name>}, replacing
     * the previous copy atomically, so readers of {@code latest/} never see a half-written file.
     */
    public static void publishLatest(RunPlan plan, Path file) {
        Path latestDir = plan.runDir().getParent().resolve(LATEST);
        Path target = latestDir.resolve(file.getFileName().toString());
        try {
            AtomicFile.write(target, tmp -> Files.copy(file, tmp, StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot publish " + file + " to " + target, ex);
        }
    }

    /** The experiment's newest run directory, or empty when it has none yet. */
    public static java.util.Optional<Path> newestRun(Path reportsRoot, String experimentName) {
        Path experimentDir = reportsRoot.toAbsolutePath().normalize().resolve(experimentName);
        try {
            List<Integer> runs = Files.isDirectory(experimentDir) ? runNumbers(experimentDir) : List.of();
            return runs.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(experimentDir.resolve(runId(runs.get(runs.size() - 1))));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + experimentDir, ex);
        }
    }

    /** The run directory named {@code runIdOrLatest}; {@code latest} is the newest run. */
    public static Path runDirectory(Path reportsRoot, String experimentName, String runIdOrLatest) {
        return runDirectory(reportsRoot, experimentName, runIdOrLatest, null);
    }

    /**
     * The run directory for goals that work on an existing run.
     *
     * @param runIdOrLatest {@code run-0003} (or just {@code 3}), or {@code latest}: the newest run
     *                      that holds {@code requiredFile}, or the newest run when none does (or
     *                      {@code requiredFile} is null), so the caller reports the missing file
     * @param requiredFile  a file name relative to the run directory, or null
     * @throws UserException when there is no run, or no run with that id
     */
    public static Path runDirectory(Path reportsRoot, String experimentName, String runIdOrLatest,
                                    String requiredFile) {
        Path experimentDir = reportsRoot.toAbsolutePath().normalize().resolve(experimentName);
        List<Integer> runs;
        try {
            runs = Files.isDirectory(experimentDir) ? runNumbers(experimentDir) : List.of();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + experimentDir, ex);
        }
        if (runs.isEmpty()) {
            throw new UserException(experimentDir + ": experiment " + experimentName
                    + " has no runs yet; train it first (gan:train)");
        }
        String wanted = runIdOrLatest == null ? LATEST : runIdOrLatest.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals(LATEST)) {
            for (int i = runs.size() - 1; i >= 0 && requiredFile != null; i--) {
                Path dir = experimentDir.resolve(runId(runs.get(i)));
                if (Files.exists(dir.resolve(requiredFile))) {
                    return dir;
                }
            }
            return experimentDir.resolve(runId(runs.get(runs.size() - 1)));
        }
        Matcher m = RUN_ID.matcher(wanted);
        Integer number = m.matches() ? Integer.valueOf(m.group(1))
                : wanted.matches("\\d{1,9}") ? Integer.valueOf(wanted) : null;
        if (number == null || !runs.contains(number)) {
            List<String> known = runs.subList(Math.max(0, runs.size() - 5), runs.size()).stream()
                    .map(RunDirectories::runId).toList();
            throw new UserException(experimentDir + ": no run \"" + runIdOrLatest + "\"; use latest or one of "
                    + (runs.size() > 5 ? "..., " : "") + String.join(", ", known));
        }
        return experimentDir.resolve(runId(number));
    }

    private static String runId(int number) {
        return String.format(Locale.ROOT, "run-%04d", number);
    }

    /** Run numbers present in the experiment directory, ascending. */
    private static List<Integer> runNumbers(Path experimentDir) throws IOException {
        TreeSet<Integer> numbers = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(experimentDir)) {
            for (Path entry : entries) {
                Matcher m = RUN_ID.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry)) {
                    numbers.add(Integer.valueOf(m.group(1)));
                }
            }
        }
        return new ArrayList<>(numbers);
    }

    /** "its plan differs: k old -> new, ..." from the stored and the new plan. */
    private static String describeChange(String oldPlan, String oldHash, String newPlan) {
        if (oldHash == null || oldPlan == null) {
            return "has no complete " + PLAN + "/" + PLAN_HASH + " (it was interrupted while being created)";
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
            return "its " + PLAN_HASH + " does not match its " + PLAN + " (edited by hand?)";
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
