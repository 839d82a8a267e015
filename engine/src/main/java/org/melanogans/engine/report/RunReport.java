package org.melanogans.engine.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.metrics.Environment;
import org.melanogans.engine.metrics.MetricsFile;

/**
 * A run's Allure results in {@code <run>/allure-results/}: the comparisons with the paper
 * ({@link AllureResults}) with each model's sample grid and every run's metrics.json and plan
 * attached, plus Allure's side files: {@code environment.properties} (machine, versions, seed,
 * commit, dataset hash), {@code executor.json} (who ran it) and {@code categories.json} (how
 * failures are grouped).
 */
public final class RunReport {
    public static final String RESULTS = "allure-results";

    private RunReport() {
    }

    /** Where a model's real-against-generated histogram plot goes (the paper's Figure 3). */
    public static Path histogramPlot(Path runDir, String model) {
        return runDir.resolve("plots").resolve(model + "-histograms.png");
    }

    /** Rewrites the run's results from its metrics.json; returns the comparisons written. */
    public static List<Comparison> write(Experiment experiment, MetricsFile metrics, Path runDir) {
        Path results = runDir.resolve(RESULTS);
        clear(results);
        List<Comparison> comparisons = Comparisons.of(experiment, metrics);
        Map<String, List<Path>> attachments = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            List<Path> files = new ArrayList<>();
            if (Comparison.TABLE_1.equals(c.stage()) && !attachments.containsKey(c.subject())) {
                Path modelDir = runDir.resolve("models").resolve(c.subject());
                files.add(runDir.resolve("grids").resolve(c.subject() + ".png"));
                files.add(histogramPlot(runDir, c.subject()));
                files.add(Plots.curve(modelDir.resolve("losses.jsonl"), c.subject() + ": losses", "loss",
                        List.of("d_loss", "g_loss"), runDir.resolve("plots").resolve(c.subject() + "-losses.png")));
                files.add(Plots.curve(modelDir.resolve("emd.jsonl"), c.subject() + ": EMD after each epoch", "EMD",
                        List.of("emd"), runDir.resolve("plots").resolve(c.subject() + "-emd.png")));
                Path history = runDir.getParent().resolve("history.jsonl");
                for (String metric : List.of("emd", "js_divergence")) {
                    files.add(Plots.trend(history, c.subject(), metric,
                            runDir.resolve("plots").resolve(c.subject() + "-" + metric + "-trend.png")));
                }
                files.removeIf(java.util.Objects::isNull);
            }
            if (Comparison.TABLE_2.equals(c.stage()) && !attachments.containsKey(c.subject())
                    && metrics.usecase() != null && metrics.usecase().sets() != null
                    && metrics.usecase().sets().containsKey(c.subject())) {
                Map<String, Map<String, Integer>> summed = new LinkedHashMap<>();
                for (var seedRun : metrics.usecase().sets().get(c.subject()).runs()) {
                    seedRun.validation().confusion().forEach((truth, row) -> row.forEach((predicted, n) ->
                            summed.computeIfAbsent(truth, t -> new LinkedHashMap<>()).merge(predicted, n,
                                    Integer::sum)));
                }
                files.add(Plots.confusion(summed, c.subject() + ": validation, all seeds",
                        runDir.resolve("plots").resolve(c.subject() + "-confusion.png")));
            }
            files.add(runDir.resolve("metrics.json"));
            files.add(runDir.resolve("plan.yaml"));
            attachments.putIfAbsent(c.subject(), files);
        }
        AllureResults.write(results, experiment.name(), comparisons, attachments);
        writeText(results.resolve("environment.properties"), environment(metrics));
        writeText(results.resolve("executor.json"), """
                {"name": "gan-maven-plugin", "type": "maven", "buildName": "%s %s"}
                """.formatted(json(experiment.name()), json(metrics.run())));
        writeText(results.resolve("categories.json"), CATEGORIES);
        return comparisons;
    }

    /**
     * How Allure groups what did not pass: by the message our comparisons and checks write.
     * Regressions come from gan:check; deviations from the paper from a band; diverged training
     * and data errors from a failed stage's message.
     */
    static final String CATEGORIES = """
            [
              {"name": "Regression against the baseline", "matchedStatuses": ["failed"], "messageRegex": ".*regress.*"},
              {"name": "Deviation from the paper", "matchedStatuses": ["failed"], "messageRegex": ".*outside the band.*"},
              {"name": "Diverged training", "matchedStatuses": ["broken"], "messageRegex": ".*diverged.*"},
              {"name": "Data errors", "matchedStatuses": ["broken"], "messageRegex": ".*(image|data|csv|CSV).*"},
              {"name": "Not run", "matchedStatuses": ["skipped"]}
            ]
            """;

    private static String environment(MetricsFile m) {
        Environment e = m.environment();
        StringBuilder p = new StringBuilder();
        p.append("TensorFlow=").append(e.tensorflow()).append('\n');
        p.append("Java=").append(e.java()).append('\n');
        p.append("OS=").append(e.os()).append('\n');
        p.append("CPU=").append(e.cpu()).append(" (").append(e.cores()).append(" cores)\n");
        p.append("Seed=").append(e.seed()).append('\n');
        p.append("Git.commit=").append(e.gitCommit()).append('\n');
        if (m.dataset() != null) {
            p.append("Dataset=").append(m.dataset().format()).append(", ").append(m.dataset().images())
                    .append(" images at ").append(m.dataset().resolution()).append(" px\n");
            p.append("Dataset.sha256=").append(m.dataset().sha256()).append('\n');
        }
        return p.toString();
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void writeText(Path file, String text) {
        try {
            AtomicFile.write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results of an earlier attempt are replaced, never mixed with the new ones. */
    private static void clear(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
