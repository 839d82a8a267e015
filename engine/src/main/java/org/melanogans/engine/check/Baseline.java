package org.melanogans.engine.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelStatus;
import org.melanogans.engine.results.UsecaseMetrics;

/**
 * The accepted metric values of an experiment, with how far each may move: what {@code gan:check}
 * compares a new metrics.json against. Keys are dotted paths into metrics.json, e.g.
 * {@code models.dcgan.emd}. Stored as JSON; unknown keys are rejected on read, since a baseline
 * is edited by hand and a misspelt "tolerence" must not be silently ignored.
 *
 * @param experiment  the experiment the values were measured on
 * @param environment the machine they were measured on (null in older baselines)
 * @param metrics     one entry per guarded metric, in file order
 */
public record Baseline(@JsonProperty(required = true) String experiment, BaselineEnvironment environment,
                       @JsonProperty(required = true) Map<String, BaselineEntry> metrics) {
    /**
     * Rules of a model metric measured on one seed, keyed by the metric's name inside a model
     * entry: with no spread to calibrate on, distances ({@code emd}, {@code js_divergence},
     * {@code js_distance}, {@code swd}) may rise by 50%, {@code ms_ssim} by 0.05 and {@code copies}
     * by 0.02 before they count as regressions.
     */
    public static final Map<String, Tolerance> DEFAULT_TOLERANCES = defaults();

    /**
     * The smallest allowance of a calibrated metric, in its unit: where seeds agree closely (copies
     * often 0 on every seed) noise alone would allow nothing. About a tenth of the spread the
     * quickstart's and Table 1's seeds show; see docs/DECISIONS.md.
     */
    public static final Map<String, Double> FLOORS = Map.of("emd", 0.001, "js_divergence", 0.001,
            "js_distance", 0.005, "swd", 1.0, "ms_ssim", 0.005, "copies", 0.005,
            "train_images_per_second", 1.0);

    /** Rules of the machine-dependent figures, in a baseline only when asked for (-Dgan.check.timing). */
    public static final Map<String, Tolerance> TIMING_TOLERANCES = Map.of(
            "train_images_per_second", Tolerance.relative(0.5, Direction.HIGHER_IS_BETTER));

    /**
     * Default rules for the use-case stage, keyed by summary figure; each guards the figure's mean
     * over the seeds of every training set ({@code usecase.sets.<set>.summary.<figure>.mean}). A
     * drop of 0.1 (absolute) counts as a regression: with three seeds the 95% intervals of these
     * figures are several hundredths wide on ISIC, so smaller moves are seed noise.
     */
    public static final Map<String, Tolerance> USECASE_TOLERANCES = Map.of(
            "validation_accuracy", Tolerance.absolute(0.1, Direction.HIGHER_IS_BETTER),
            "validation_balanced_accuracy", Tolerance.absolute(0.1, Direction.HIGHER_IS_BETTER),
            "validation_melanoma_recall", Tolerance.absolute(0.1, Direction.HIGHER_IS_BETTER),
            "validation_melanoma_auc", Tolerance.absolute(0.1, Direction.HIGHER_IS_BETTER),
            "gan_emd", Tolerance.relative(0.5, Direction.LOWER_IS_BETTER));

    /**
     * What a classifier that always answers "nevus" scores on each use-case figure (any constant
     * answer gives a melanoma AUC of 0.5): a set whose seeds all beat it gets it as a bound, so
     * gan:check rejects such a classifier whatever the seeds' spread allows.
     */
    static final Map<String, Double> ALWAYS_NEVUS = Map.of("validation_balanced_accuracy", 1.0 / 3,
            "validation_melanoma_recall", 0.0, "validation_melanoma_auc", 0.5);

    public Baseline {
        metrics = metrics == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    private static Map<String, Tolerance> defaults() {
        Map<String, Tolerance> rules = new LinkedHashMap<>();
        rules.put("emd", Tolerance.relative(0.5, Direction.LOWER_IS_BETTER));
        rules.put("js_divergence", Tolerance.relative(0.5, Direction.LOWER_IS_BETTER));
        rules.put("js_distance", Tolerance.relative(0.5, Direction.LOWER_IS_BETTER));
        rules.put("swd", Tolerance.relative(0.5, Direction.LOWER_IS_BETTER));
        // diversity: a collapsing generator's MS-SSIM rises towards 1
        rules.put("ms_ssim", Tolerance.absolute(0.05, Direction.LOWER_IS_BETTER));
        // copying: a rise of 2 points of the samples closer to a training image than 99% of the real ones
        rules.put("copies", Tolerance.absolute(0.02, Direction.LOWER_IS_BETTER));
        return Collections.unmodifiableMap(rules);
    }

    /**
     * A baseline guarding, for every completed model, each metric of {@link #DEFAULT_TOLERANCES}
     * (and {@link #TIMING_TOLERANCES} when {@code timing}) that has a numeric value: calibrated on
     * the seeds' spread where the model trained on two or more, the default rule otherwise; and the
     * use-case figures of {@link #USECASE_TOLERANCES} likewise. Failed models are left out: there
     * is nothing to accept.
     */
    public static Baseline fromMetrics(MetricsFile metrics, boolean timing) {
        JsonNode root = Json.tree(metrics);
        Map<String, Tolerance> rules = new LinkedHashMap<>(DEFAULT_TOLERANCES);
        if (timing) {
            rules.putAll(TIMING_TOLERANCES);
        }
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        metrics.models().forEach((model, entry) -> {
            if (entry.status() != ModelStatus.COMPLETED) {
                return;
            }
            rules.forEach((name, rule) -> {
                String key = "models." + model + "." + name;
                BaselineEntry guard = measure(root, key, rule, FLOORS.getOrDefault(name, 0.0));
                if (guard != null) {
                    entries.put(key, guard);
                }
            });
        });
        UsecaseMetrics usecase = metrics.usecase();
        if (usecase != null && usecase.status() == ModelStatus.COMPLETED) {
            usecase.sets().forEach((set, result) -> result.summary().forEach((figure, summary) -> {
                Tolerance rule = USECASE_TOLERANCES.get(figure);
                String key = "usecase.sets." + set + ".summary." + figure + ".mean";
                if (rule == null || rule.direction() == Direction.HIGHER_IS_BETTER
                        && summary.mean() - rule.tolerance() <= 0) {
                    // accuracies are never negative: a bound at or below 0 would be a guard that cannot fail
                    return;
                }
                BaselineEntry guard = measure(root, key, rule, figure.equals("gan_emd") ? FLOORS.get("emd")
                        : USECASE_FLOOR);
                Double chance = ALWAYS_NEVUS.get(figure);
                if (chance != null && summary.low() != null && summary.low() > chance) {
                    guard = guard.withBound(new BaselineEntry.Bound(chance, "a classifier that always answers nevus"));
                }
                entries.put(key, guard);
            }));
            // where a GAN's melanoma measurably helped, losing that help is a regression
            if (usecase.comparisons() != null && usecase.comparisons().gains() != null) {
                usecase.comparisons().gains().forEach((set, figures) -> figures.forEach((figure, gain) -> {
                    if (gain.above()) {
                        String key = "usecase.gains." + set + "." + figure + ".mean_difference";
                        entries.put(key, measure(root, key, Tolerance.absolute(0.1, Direction.HIGHER_IS_BETTER),
                                USECASE_FLOOR).withBound(new BaselineEntry.Bound(0, "a GAN that adds nothing to B_Imb")));
                    }
                }));
            }
        }
        return new Baseline(metrics.experiment(), BaselineEnvironment.of(metrics.environment()), entries);
    }

    /** Accuracies, recalls and AUC move by at least this much before a calibrated use-case guard fails. */
    static final double USECASE_FLOOR = 0.01;

    /**
     * The guard of the figure at {@code key}: calibrated when metrics.json has its summary over two
     * or more seeds with a spread, else {@code rule}; null when the figure is not a number.
     */
    private static BaselineEntry measure(JsonNode root, String key, Tolerance rule, double floor) {
        JsonNode node = MetricsTree.at(root, key);
        if (node == null || !node.isNumber()) {
            return null;
        }
        JsonNode summary = MetricsTree.summaryOf(root, key);
        int n = summary == null ? 1 : summary.path("values").size();
        if (n >= 2 && summary.path("sd").isNumber()) {
            return BaselineEntry.calibrated(node.doubleValue(), summary.path("sd").doubleValue(), n, floor,
                    rule.direction());
        }
        return BaselineEntry.of(node.doubleValue(), rule, 1);
    }

    /**
     * The baseline {@code metrics} gives, where every metric {@code old} guards keeps its rule
     * (tolerance, mode and direction, perhaps set by hand) and takes the new value; a metric
     * metrics.json no longer has is dropped. {@code old} may be null.
     *
     * @return the new baseline and one line per change ("key: 0.0203 -> 0.0198", "key: added", ...)
     */
    public static Update update(Baseline old, MetricsFile metrics, boolean timing) {
        Baseline fresh = fromMetrics(metrics, timing);
        JsonNode root = Json.tree(metrics);
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        Map<String, BaselineEntry> before = old == null ? Map.of() : old.metrics();
        before.forEach((key, was) -> {
            JsonNode node = MetricsTree.at(root, key);
            if (node == null || !node.isNumber()) {
                changes.add(key + ": removed (not in " + metrics.run() + "'s metrics)");
                return;
            }
            JsonNode summary = MetricsTree.summaryOf(root, key);
            int n = summary == null ? 1 : summary.path("values").size();
            Double sd = summary != null && summary.path("sd").isNumber() ? summary.path("sd").doubleValue() : null;
            BaselineEntry now;
            if (was.mode() == ToleranceMode.CALIBRATED && (n < 2 || sd == null)) {
                // one seed has no spread: the default rule until a run of several seeds refreshes it
                now = fresh.metrics().get(key);
                changes.add(key + ": " + Figures.text(was.value()) + " -> " + Figures.text(node.doubleValue())
                        + " (calibration dropped: " + metrics.run() + " has 1 seed; rule " + now.toleranceText() + ")");
            } else {
                BaselineEntry freshEntry = fresh.metrics().get(key);
                now = was.remeasured(node.doubleValue(), sd, n).withBound(freshEntry != null ? freshEntry.bound()
                        : was.bound());
                if (!now.equals(was)) {
                    changes.add(key + ": " + Figures.text(was.value()) + " -> " + Figures.text(now.value()) + " (rule "
                            + now.toleranceText() + " kept)");
                }
            }
            entries.put(key, now);
        });
        fresh.metrics().forEach((key, entry) -> {
            if (!entries.containsKey(key)) {
                entries.put(key, entry);
                changes.add(key + ": added at " + Figures.text(entry.value()) + " " + entry.toleranceText());
            }
        });
        return new Update(new Baseline(metrics.experiment(), fresh.environment(), entries), changes);
    }

    /**
     * @param baseline the updated baseline
     * @param changes  one line per changed, added or removed metric
     */
    public record Update(Baseline baseline, List<String> changes) {
    }

    /** What differs between the machine of this baseline and {@code run}'s (empty when either is unknown). */
    public List<String> differencesFrom(Environment run) {
        BaselineEnvironment now = BaselineEnvironment.of(run);
        return environment == null || now == null ? List.of() : environment.differences(now);
    }

    /** Writes the baseline pretty-printed and atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }

    /**
     * Reads and validates a baseline file.
     *
     * @throws UserException naming the file (and line or key) when it is missing, malformed, has
     *                       unknown or missing keys, or holds an impossible value
     */
    public static Baseline read(Path file) {
        Baseline baseline = Json.readStrict(file, Baseline.class, "baseline file");
        if (baseline.experiment() == null) {
            throw new UserException(file + ": \"experiment\" is null; give the experiment's name");
        }
        if (baseline.metrics() == null || baseline.metrics().isEmpty()) {
            throw new UserException(file + ": baseline guards no metrics (\"metrics\" is empty); regenerate it from a metrics.json");
        }
        baseline.metrics().forEach((key, entry) -> {
            if (key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
                throw new UserException(file + ": metric key \"" + key + "\" is not a dotted path into metrics.json (e.g. models.dcgan.emd); fix the key");
            }
            if (entry == null) {
                throw new UserException(file + ": metrics > " + key + " is null; give it value, tolerance, mode and direction");
            }
            if (entry.mode() == null || entry.direction() == null) {
                throw new UserException(file + ": metrics > " + key + " > " + (entry.mode() == null ? "mode" : "direction")
                        + " is null; give it (mode: absolute, relative or calibrated; direction: lower_is_better,"
                        + " higher_is_better or both)");
            }
            if (!Double.isFinite(entry.value())) {
                throw new UserException(file + ": metrics > " + key + " > value must be a finite number; fix it");
            }
            if (!(entry.tolerance() >= 0) || Double.isInfinite(entry.tolerance())) {
                throw new UserException(file + ": metrics > " + key + " > tolerance is " + entry.tolerance()
                        + " but must be a finite number >= 0; fix it");
            }
            if (entry.mode() == ToleranceMode.CALIBRATED && (entry.sd() == null || !(entry.sd() >= 0)
                    || Double.isInfinite(entry.sd()) || entry.n() == null || entry.n() < 2
                    || entry.n() - 1 > org.melanogans.engine.stats.StudentT.MAX_DF)) {
                throw new UserException(file + ": metrics > " + key + " is calibrated but needs sd (a finite number"
                        + " >= 0) and n (2 to " + (org.melanogans.engine.stats.StudentT.MAX_DF + 1) + " seeds); give"
                        + " both, or use mode absolute or relative");
            }
        });
        return baseline;
    }
}
