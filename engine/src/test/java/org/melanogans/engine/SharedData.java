package org.melanogans.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.melanogans.engine.experiment.Defaults;
import org.melanogans.engine.experiment.Experiment;

/**
 * Locates the real ISIC 2017 images: the folder {@code ISIC2017_DIR} names, else the read-only
 * ../shared/data/isic2017 beside the project root (present on developer machines and in CI).
 * Real-data tests skip themselves with {@code Assumptions} when neither holds the images.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The ISIC 2017 folder (images + Part 3 CSV), if present. */
    public static Optional<Path> isic2017() {
        String env = System.getenv(Defaults.ISIC2017_DIR_ENV);
        if (env != null && !env.isBlank() && holdsIsic(Path.of(env))) {
            return Optional.of(Path.of(env).toAbsolutePath());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data").resolve("isic2017");
            if (holdsIsic(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The read-only ../shared folder beside the project root (peers, paper, data), if present. */
    public static Optional<Path> shared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("bench"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean holdsIsic(Path dir) {
        return Files.isRegularFile(dir.resolve(Defaults.LABELS)) && Files.isDirectory(dir.resolve(Defaults.IMAGES));
    }

    /**
     * Trains a committed experiment file of the project on the real ISIC images into
     * {@code reports}; skips the calling test when the images are absent.
     */
    public static Run trainCommittedExperiment(String experimentFile, Path reports) {
        Path isic = isic2017().orElse(null);
        Assumptions.assumeTrue(isic != null, "no ISIC 2017 images in ISIC2017_DIR or ../shared/data/isic2017");
        TestProject project = new TestProject(Path.of("").toAbsolutePath().getParent(), reports, isic);
        project.train(experimentFile, null);
        Experiment experiment = project.experiment(experimentFile, null);
        return new Run(experiment, org.melanogans.engine.plan.RunDirectories.find(project.folder(experiment.name()), "latest").metrics());
    }

    /** A finished run: the experiment as loaded and its metrics.json. */
    public record Run(Experiment experiment, Path metrics) {
    }
}
