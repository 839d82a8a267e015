package org.melanogans.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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
}
