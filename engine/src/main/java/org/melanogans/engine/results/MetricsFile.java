package org.melanogans.engine.results;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;

/**
 * The contents of {@code reports/<experiment>/<run>/metrics.json}: the public interface CI scripts
 * read and {@code gan:check} compares against a {@link Baseline}. Keys are snake_case and appear
 * in the order of the record components; models appear in the order they were first added.
 * Reading tolerates unknown keys, so files written by newer versions stay readable.
 * Immutable: {@link #withModel} returns an updated copy.
 *
 * @param experiment  experiment name
 * @param run         run directory name, e.g. {@code run-0001}
 * @param dataset     training data the samples are compared with
 * @param models      one entry per model name
 * @param usecase     the use-case stage (paper Table 2), or null when the experiment has none
 * @param comparisons every pair of models trained on the same seeds, metric by metric (derived from
 *                    the models' per-seed figures whenever the file is made, so it always matches them)
 * @param environment machine and versions the run used
 */
public record MetricsFile(String experiment, String run, DatasetInfo dataset, Map<String, ModelMetrics> models,
                          UsecaseMetrics usecase, List<PairedDifference> comparisons, Environment environment) {
    public MetricsFile {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(run, "run");
        // Keep insertion order (Map.copyOf would not) and reject null entries.
        LinkedHashMap<String, ModelMetrics> copy = new LinkedHashMap<>();
        if (models != null) {
            models.forEach((name, entry) -> copy.put(Objects.requireNonNull(name), Objects.requireNonNull(entry, name)));
        }
        models = Collections.unmodifiableMap(copy);
        comparisons = PairedDifference.of(models);
    }

    /** A file with no models yet. */
    public static MetricsFile start(String experiment, String run, DatasetInfo dataset, Environment environment) {
        return new MetricsFile(experiment, run, dataset, Map.of(), null, null, environment);
    }

    /** A copy with {@code model}'s entry added, or replaced in place when it already exists. */
    public MetricsFile withModel(String model, ModelMetrics entry) {
        LinkedHashMap<String, ModelMetrics> copy = new LinkedHashMap<>(models);
        copy.put(model, entry);
        return new MetricsFile(experiment, run, dataset, copy, usecase, null, environment);
    }

    /** A copy with the use-case section set. */
    public MetricsFile withUsecase(UsecaseMetrics entry) {
        return new MetricsFile(experiment, run, dataset, models, entry, null, environment);
    }

    /** Writes the file pretty-printed and atomically (temporary file, then move). */
    public void write(Path file) {
        Json.write(file, this);
    }

    /**
     * Reads a metrics.json file.
     *
     * @throws UserException naming the file when it is missing or not a valid metrics file
     */
    public static MetricsFile read(Path file) {
        return Json.read(file, MetricsFile.class, "metrics.json file");
    }
}
