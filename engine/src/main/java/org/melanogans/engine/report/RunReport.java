package org.melanogans.engine.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.Json;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.GanLayout;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.shard.ShardRecord;

/**
 * A run's Allure results in {@code <run>/allure-results/}: the comparisons with the paper
 * ({@link AllureResults}) with each model's sample grid and every run's metrics.json and plan
 * attached, plus Allure's side files: {@code environment.properties} (machine, versions, seed,
 * commit, dataset hash), {@code executor.json} (who ran it) and {@code categories.json} (how
 * failures are grouped).
 */
public final class RunReport {
    private RunReport() {
    }

    /**
     * Writes the comparisons of {@code metrics} into the run's Allure results, replacing the ones an
     * earlier call wrote and keeping every other result (gan:check's rows); returns the comparisons.
     * A model's pictures come from the run that trained it (latest/metrics.json may carry a model of
     * an earlier run).
     */
    public static List<Comparison> write(Experiment experiment, MetricsFile metrics, RunLayout run,
                                         ExperimentFolder folder) {
        Path results = run.allureResults();
        AllureResults.remove(results, experiment.name(), List.of(Comparison.TABLE_1, Comparison.TABLE_2));
        List<Comparison> comparisons = Comparisons.of(experiment, metrics);
        Map<String, List<Path>> attachments = new LinkedHashMap<>();
        for (Comparison c : comparisons) {
            List<Path> files = new ArrayList<>();
            if (Comparison.TABLE_1.equals(c.stage()) && !attachments.containsKey(c.subject())) {
                RunLayout source = sourceRun(metrics, c.subject(), run, folder);
                // the pictures of its first training seed (a model of several shows one of them)
                var entry = metrics.models().get(c.subject());
                List<Long> seeds = entry == null ? List.of() : entry.trainingSeeds();
                GanLayout gan = source.units(c.subject(), seeds.isEmpty() ? List.of(experiment.seed()) : seeds)
                        .get(0).layout();
                files.add(gan.grid());
                files.add(gan.histogramPlot());
                files.add(gan.swdPlot());
                files.add(gan.nearestPicture());
                files.add(Plots.curve(gan.losses(), c.subject() + ": losses", "loss", List.of("d_loss", "g_loss"),
                        run.lossPlot(c.subject())));
                files.add(Plots.curve(gan.emdCurve(), c.subject() + ": EMD after each epoch", "EMD", List.of("emd"),
                        run.emdPlot(c.subject())));
                for (String metric : List.of("emd", "js_divergence", "swd", "ms_ssim", "copies")) {
                    files.add(Plots.trend(folder.history(), c.subject(), metric,
                            run.trendPlot(c.subject(), metric)));
                }
                files.removeIf(f -> f == null || !Files.isRegularFile(f));
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
                        run.confusionPlot(c.subject())));
            }
            files.add(run.metrics());
            files.add(run.plan());
            attachments.putIfAbsent(c.subject(), files);
        }
        List<ShardRecord> shards = Files.isRegularFile(run.shards())
                ? List.of(Json.read(run.shards(), ShardRecord[].class, "shard records")) : List.of();
        AllureResults.write(results, experiment.name(), comparisons, attachments, shardLabels(shards));
        writeText(results.resolve("environment.properties"), environment(metrics) + shardEnvironment(shards));
        Json.write(results.resolve("executor.json"), shards.isEmpty()
                ? new Executor("gan-maven-plugin", "maven", experiment.name() + " " + metrics.run())
                : new Executor("gan:merge", "shards", experiment.name() + " " + metrics.run() + ": " + shards.size()
                        + " shards on " + shards.stream().map(ShardRecord::host).distinct()
                        .collect(java.util.stream.Collectors.joining(", "))));
        Json.write(results.resolve("categories.json"), CATEGORIES);
        return comparisons;
    }

    /** The run that trained {@code model}: the one its entry names, when that run is still there. */
    private static RunLayout sourceRun(MetricsFile metrics, String model, RunLayout run, ExperimentFolder folder) {
        var entry = metrics.models().get(model);
        Integer number = entry == null || entry.source().run() == null ? null
                : ExperimentFolder.runNumber(entry.source().run());
        return number != null && folder.runNumbers().contains(number) ? folder.run(number) : run;
    }

    /** Allure's {@code executor.json}: who ran the results. */
    record Executor(String name, String type, @JsonProperty("buildName") String buildName) {
    }

    /** One of Allure's {@code categories.json} entries: how it groups what did not pass. */
    record Category(String name, @JsonProperty("matchedStatuses") List<String> matchedStatuses,
                    @JsonProperty("messageRegex") String messageRegex) {
    }

    /**
     * How Allure groups what did not pass: by status and the message our comparisons and checks
     * write. Regressions (failed, red) come from gan:check; deviations from the paper (unknown) from
     * a band; diverged training and data errors (broken) from a failed stage's message.
     */
    static final List<Category> CATEGORIES = List.of(
            new Category("Regression against the baseline", List.of("failed"), ".*regress.*"),
            new Category("Deviation from the paper (documented: a scaled-down plan)", List.of("unknown"),
                    ".*outside the band.*"),
            new Category("Diverged training", List.of("broken"), ".*diverged.*"),
            new Category("Data errors", List.of("broken"), ".*(image|data|csv|CSV).*"),
            new Category("Not run", List.of("skipped"), null));

    /**
     * For a run merged from shards: per subject (a model, or every use-case set), a {@code shard}
     * and a {@code host} label for each shard that ran one of its units.
     */
    private static Map<String, List<String[]>> shardLabels(List<ShardRecord> shards) {
        Map<String, List<String[]>> labels = new LinkedHashMap<>();
        for (ShardRecord s : shards) {
            for (String unit : s.units()) {
                String subject = unit.substring(0, unit.lastIndexOf(" seed "));
                List<String[]> own = labels.computeIfAbsent(subject, k -> new ArrayList<>());
                String[] shard = {"shard", s.shard().toString()};
                String[] host = {"host", s.host()};
                if (own.stream().noneMatch(l -> java.util.Arrays.equals(l, shard))) {
                    own.add(shard);
                }
                if (own.stream().noneMatch(l -> java.util.Arrays.equals(l, host))) {
                    own.add(host);
                }
            }
        }
        return labels;
    }

    /** Every shard's machine under its own keys, so that no runner's facts overwrite another's. */
    private static String shardEnvironment(List<ShardRecord> shards) {
        StringBuilder p = new StringBuilder();
        for (ShardRecord s : shards) {
            String key = "Shard." + s.index() + ".of." + s.count();
            p.append(key).append(".host=").append(s.host()).append('\n');
            p.append(key).append(".units=").append(String.join(", ", s.units())).append('\n');
        }
        return p.toString();
    }

    private static String environment(MetricsFile m) {
        Environment e = m.environment();
        StringBuilder p = new StringBuilder();
        p.append("TensorFlow=").append(e.tensorflow()).append('\n');
        p.append("Java=").append(e.java()).append('\n');
        p.append("OS=").append(e.os()).append('\n');
        p.append("CPU=").append(e.cpu()).append(" (").append(e.cores()).append(" cores)\n");
        if (e.cpuFlags() != null) {
            p.append("CPU.flags=").append(String.join(" ", e.cpuFlags())).append('\n');
        }
        if (e.threads() != null) {
            p.append("Threads=").append(e.threads()).append('\n');
        }
        p.append("Device=").append(e.device() == null ? "cpu" : e.device())
                .append(e.gpu() == null ? "" : " (" + e.gpu() + ")").append('\n');
        if (e.natives() != null) {
            p.append("TensorFlow.natives=").append(e.natives()).append('\n');
        }
        if (e.onednn() != null) {
            p.append("oneDNN=").append(e.onednn() ? "on" : "off").append('\n');
        }
        p.append("Seed=").append(e.seed()).append('\n');
        p.append("Git.commit=").append(e.gitCommit()).append('\n');
        if (m.dataset() != null) {
            p.append("Dataset=").append(m.dataset().format()).append(", ").append(m.dataset().images())
                    .append(" images at ").append(m.dataset().resolution()).append(" px\n");
            p.append("Dataset.sha256=").append(m.dataset().sha256()).append('\n');
        }
        return p.toString();
    }

    private static void writeText(Path file, String text) {
        try {
            AtomicFile.write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
