package org.melanogans.engine.results;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.RunLayout;

/**
 * An experiment's {@code latest/metrics.json}: the newest result of every model of the experiment.
 * It is the newest run's metrics.json, where each model (or the use-case stage) that run did not
 * attempt is taken from the newest earlier run that completed it with the same plan hash and the
 * same training images (so a subset run, {@code -Dgan.models}, updates only its models; the others
 * keep their result, marked with the run it came from). A model the newest run attempted keeps that
 * outcome, a failure included, so a later {@code gan:check} sees it. A model with no result at all
 * is left out, and {@code gan:check} reports it missing.
 */
public final class LatestResults {
    private LatestResults() {
    }

    /**
     * Writes the experiment's latest/metrics.json from {@code current}, the metrics of {@code run}.
     *
     * @param modelHashes every model of the run's plan, in plan order, with its {@code PlanYaml.modelHash}
     * @param planHash    the run's whole plan hash (what the use-case stage depends on)
     */
    public static MetricsFile publish(ExperimentFolder folder, RunLayout run, MetricsFile current,
                                      Map<String, String> modelHashes, String planHash) {
        List<MetricsFile> earlier = earlierRuns(folder, run);
        Map<String, ModelMetrics> models = new LinkedHashMap<>();
        modelHashes.forEach((model, hash) -> {
            ModelMetrics own = current.models().get(model);
            if (own != null) {
                models.put(model, own);
                return;
            }
            earlier.stream().filter(m -> sameData(m, current)).map(m -> m.models().get(model))
                    .filter(e -> e != null && e.status() == ModelStatus.COMPLETED
                            && hash.equals(e.source().planSha256()))
                    .findFirst().ifPresent(e -> models.put(model, e));
        });
        UsecaseMetrics usecase = current.usecase();
        if (usecase == null) {
            usecase = earlier.stream().filter(m -> sameData(m, current)).map(MetricsFile::usecase)
                    .filter(u -> u != null && u.status() == ModelStatus.COMPLETED && planHash.equals(u.planSha256()))
                    .findFirst().orElse(null);
        }
        MetricsFile latest = new MetricsFile(current.experiment(), current.run(), current.dataset(), models, usecase, null,
                current.environment());
        latest.write(folder.latestMetrics());
        return latest;
    }

    private static boolean sameData(MetricsFile a, MetricsFile b) {
        return a.dataset() != null && b.dataset() != null && Objects.equals(a.dataset().sha256(), b.dataset().sha256());
    }

    /** The metrics of the runs before {@code run}, newest first. */
    private static List<MetricsFile> earlierRuns(ExperimentFolder folder, RunLayout run) {
        int number = ExperimentFolder.runNumber(run.id());
        return folder.runNumbers().stream().filter(n -> n < number).sorted((a, b) -> b - a).map(folder::run)
                .filter(r -> Files.isRegularFile(r.metrics())).map(r -> MetricsFile.read(r.metrics())).toList();
    }
}
