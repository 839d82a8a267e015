package org.melanogans.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.melanogans.engine.experiment.Experiment;

/**
 * Locates the read-only ../shared folder beside the project root (present on developer machines
 * and in CI). Real-data tests skip themselves with {@code Assumptions} when it is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The ISIC 2017 folder (images + Part 3 CSV), if present. */
    public static Optional<Path> isic2017() {
        Path dir = Path.of("").toAbsolutePath();
        for (; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve("isic2017");
            if (Files.isRegularFile(candidate.resolve("ISIC-2017_Training_Part3_GroundTruth.csv"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Trains a committed experiment file of the project on the real ISIC images into
     * {@code reports}; skips the calling test when the images are absent.
     */
    public static Run trainCommittedExperiment(String experimentFile, Path reports) {
        Path isic = isic2017().orElse(null);
        Assumptions.assumeTrue(isic != null, "../shared/data/isic2017 is absent");
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        GanEngine engine = new GanEngine(projectRoot, reports, EngineLog.STDOUT);
        Experiment experiment = engine.loadExperiment(projectRoot.resolve(experimentFile),
                Map.of("data.path", isic.toString()), Map.of());
        return new Run(experiment, engine.train(experiment, false, List.of()));
    }

    /** A finished run: the experiment as loaded and its metrics.json. */
    public record Run(Experiment experiment, Path metrics) {
    }
}
