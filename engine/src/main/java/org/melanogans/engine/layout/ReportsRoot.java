package org.melanogans.engine.layout;

import java.nio.file.Path;

/**
 * The reports folder ({@code reports/} by default): one {@link ExperimentFolder} per experiment,
 * plus the engine's own caches beside them. Kept outside {@code target/}, so {@code mvn clean}
 * never deletes a run.
 *
 * @param dir the folder, absolute
 */
public record ReportsRoot(Path dir) {
    public ReportsRoot {
        dir = dir.toAbsolutePath().normalize();
    }

    /** {@code <reports>/<experiment>/}. */
    public ExperimentFolder experiment(String name) {
        return new ExperimentFolder(dir.resolve(name));
    }

    /** Prepared training images and generated data sets, shared by all experiments. */
    public Path dataCache() {
        return dir.resolve(".cache");
    }

    /**
     * B_Full and B_Imb classifiers shared by the runs of one commit: they do not depend on the GAN
     * pool, so the two Table 2 protocols train them once.
     */
    public Path classifierCache() {
        return dataCache().resolve("classifiers");
    }

    /** Where the Allure command line is unpacked once. */
    public Path allureTool() {
        return dir.resolve(".allure");
    }
}
