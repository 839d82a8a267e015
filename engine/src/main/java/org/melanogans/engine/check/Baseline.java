package org.melanogans.engine.check;

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
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelStatus;
import org.melanogans.engine.results.UsecaseMetrics;

/**
 * The accepted metric values of an experiment, with how far each may move: what {@code gan:check}
 * compares a new metrics.json against. Keys are dotted paths into metrics.json, e.g.
 * {@code models.dcgan.emd}. Stored as JSON; unknown keys are rejected on read, since a baseline
 * is edited by hand and a misspelt "tolerence" must not be silently ignored.
 *
 * @param experiment the experiment the values were measured on
 * @param metrics    one entry per guarded metric, in file order
 */
public record Baseline(String experiment, Map<String, BaselineEntry> metrics) {
    /**
     * Default rules of {@link #fromMetrics(MetricsFile)}, keyed by the metric's name inside a model entry.
     * Distances ({@code emd}, {@code js_divergence}, {@code js_distance}) may rise by 50% and
     * {@code train_images_per_second} may fall by 50% before they count as regressions: GAN training
     * on a few CPU epochs is noisy, and CI machines vary in speed.
     */
    public static final Map<String, Tolerance> DEFAULT_TOLERANCES = defaults();

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
            "validation_melanoma_auc", Tolerance.absolute(0.1, Direction.HIGHER_IS_BETTER));

    public Baseline {
        Objects.requireNonNull(experiment, "experiment");
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
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
        rules.put("train_images_per_second", Tolerance.relative(0.5, Direction.HIGHER_IS_BETTER));
        return Collections.unmodifiableMap(rules);
    }

    /** A baseline from a run's metrics with {@link #DEFAULT_TOLERANCES}. */
    public static Baseline fromMetrics(MetricsFile metrics) {
        return fromMetrics(metrics, DEFAULT_TOLERANCES);
    }

    /**
     * A baseline guarding, for every completed model, each metric named in {@code tolerances}
     * (a key inside the model entry, dotted for nested values such as {@code per_channel.r.emd})
     * that has a numeric value. Failed models are left out: there is nothing to accept.
     */
    public static Baseline fromMetrics(MetricsFile metrics, Map<String, Tolerance> tolerances) {
        JsonNode root = Json.tree(metrics);
        Map<String, BaselineEntry> entries = new LinkedHashMap<>();
        metrics.models().forEach((model, entry) -> {
            if (entry.status() != ModelStatus.COMPLETED) {
                return;
            }
            tolerances.forEach((name, rule) -> {
                String key = "models." + model + "." + name;
                JsonNode node = MetricsTree.at(root, key);
                if (node != null && node.isNumber()) {
                    entries.put(key, BaselineEntry.of(node.doubleValue(), rule));
                }
            });
        });
        UsecaseMetrics usecase = metrics.usecase();
        if (usecase != null && usecase.status() == ModelStatus.COMPLETED) {
            usecase.sets().forEach((set, result) -> result.summary().forEach((figure, summary) -> {
                Tolerance rule = USECASE_TOLERANCES.get(figure);
                // these figures are never negative: a floor at or below 0 would be a guard that cannot fail
                if (rule != null && BaselineEntry.of(summary.mean(), rule).lowerBound() > 0) {
                    entries.put("usecase.sets." + set + ".summary." + figure + ".mean", BaselineEntry.of(summary.mean(), rule));
                }
            }));
        }
        return new Baseline(metrics.experiment(), entries);
    }

    /**
     * The baseline {@code metrics} gives, where every metric {@code old} guards keeps its rule
     * (tolerance, mode and direction, perhaps set by hand) and takes the new value; a metric
     * metrics.json no longer has is dropped. {@code old} may be null.
     *
     * @return the new baseline and one line per change ("key: 0.0203 -> 0.0198", "key: added", ...)
     */
    public static Update update(Baseline old, MetricsFile metrics) {
        Baseline fresh = fromMetrics(metrics);
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
            BaselineEntry now = new BaselineEntry(node.doubleValue(), was.tolerance(), was.mode(), was.direction());
            entries.put(key, now);
            if (now.value() != was.value()) {
                changes.add(key + ": " + Figures.text(was.value()) + " -> " + Figures.text(now.value()) + " (rule "
                        + now.toleranceText() + " kept)");
            }
        });
        fresh.metrics().forEach((key, entry) -> {
            if (!entries.containsKey(key)) {
                entries.put(key, entry);
                changes.add(key + ": added at " + Figures.text(entry.value()) + " " + entry.toleranceText());
            }
        });
        return new Update(new Baseline(metrics.experiment(), entries), changes);
    }

    /**
     * @param baseline the updated baseline
     * @param changes  one line per changed, added or removed metric
     */
    public record Update(Baseline baseline, List<String> changes) {
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
        if (baseline.metrics().isEmpty()) {
            throw new UserException(file + ": baseline guards no metrics (\"metrics\" is empty); regenerate it from a metrics.json");
        }
        baseline.metrics().forEach((key, entry) -> {
            if (key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
                throw new UserException(file + ": metric key \"" + key + "\" is not a dotted path into metrics.json (e.g. models.dcgan.emd); fix the key");
            }
            if (entry == null) {
                throw new UserException(file + ": metrics > " + key + " is null; give it value, tolerance, mode and direction");
            }
            if (!Double.isFinite(entry.value())) {
                throw new UserException(file + ": metrics > " + key + " > value must be a finite number; fix it");
            }
            if (!(entry.tolerance() >= 0) || Double.isInfinite(entry.tolerance())) {
                throw new UserException(file + ": metrics > " + key + " > tolerance is " + entry.tolerance()
                        + " but must be a finite number >= 0; fix it");
            }
        });
        return baseline;
    }
}
