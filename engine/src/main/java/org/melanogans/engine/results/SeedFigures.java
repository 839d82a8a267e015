package org.melanogans.engine.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.file.Path;
import java.util.Objects;
import org.melanogans.engine.Json;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.StructureMetrics;

/**
 * One training seed's figures of a model: an entry of {@code models.<m>.seeds} in metrics.json, and
 * the unit's {@code result.json} once it finished (a resumed run keeps it rather than training the
 * seed again).
 *
 * @param seed         the training seed
 * @param histogram    the paper's histogram metrics of its samples
 * @param structure    structure, diversity and copying of its samples
 * @param untrainedEmd EMD of its untrained generator
 * @param untrainedSwd SWD of its untrained generator
 * @param networks     the networks' sizes
 * @param training     how long and how fast it trained, sampled and was scored
 * @param samples      samples scored
 */
public record SeedFigures(long seed, @JsonUnwrapped ModelMetrics.Histogram histogram,
                          @JsonUnwrapped ModelMetrics.Structure structure, Double untrainedEmd, Double untrainedSwd,
                          @JsonUnwrapped ModelMetrics.Networks networks, @JsonUnwrapped ModelMetrics.Training training,
                          Integer samples) {
    public SeedFigures {
        histogram = Objects.requireNonNullElse(histogram, ModelMetrics.Histogram.NONE);
        structure = Objects.requireNonNullElse(structure, ModelMetrics.Structure.NONE);
        networks = Objects.requireNonNullElse(networks, ModelMetrics.Networks.NONE);
        training = Objects.requireNonNullElse(training, ModelMetrics.Training.NONE);
    }


    /** A finished seed's figures. */
    public static SeedFigures of(long seed, HistogramMetrics histogram, StructureMetrics structure, Double untrainedEmd,
                                 Double untrainedSwd, ModelMetrics.Networks networks, ModelMetrics.Training training,
                                 int samples) {
        return new SeedFigures(seed, ModelMetrics.Histogram.of(histogram),
                structure == null ? null : ModelMetrics.Structure.of(structure), untrainedEmd, untrainedSwd, networks,
                training, samples);
    }

    /** Writes the figures atomically. */
    public void write(Path file) {
        Json.write(file, this);
    }

    public static SeedFigures read(Path file) {
        return Json.read(file, SeedFigures.class, "seed result file");
    }
}
