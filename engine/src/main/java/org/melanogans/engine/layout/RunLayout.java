package org.melanogans.engine.layout;

import java.nio.file.Path;
import java.util.List;

/**
 * The one owner of a run's layout, {@code reports/<experiment>/run-NNNN/}: every path inside a run
 * comes from here.
 *
 * <pre>
 * plan.yaml, plan.sha256   the resolved plan, written before any work
 * source.json, experiment.yaml  the experiment file it was made from (path, hash, content)
 * COMPLETE                 present once every model (and the use-case) finished
 * shard.json               only in a shard's run: which shard of how many, its units, its host
 * shards.json              only in a run gan:merge made: the shards it combined (shard.json of each)
 * metrics.json             the figures CI reads
 * models/&lt;m&gt;/            checkpoints/, losses.jsonl, emd.jsonl
 * samples/&lt;m&gt;/           sample-NNNNN.png
 * grids/&lt;m&gt;.png, grids/&lt;m&gt;/&lt;side&gt;px.png
 *                          with several seeds ({@code seeds:}) each of these per seed: models/&lt;m&gt;/seed-&lt;s&gt;/
 *                          (and its result.json), samples/&lt;m&gt;/seed-&lt;s&gt;/, grids/&lt;m&gt;/seed-&lt;s&gt;.png,
 *                          plots/&lt;m&gt;-seed-&lt;s&gt;-histograms.png ...
 * plots/                   &lt;m&gt;-histograms.png, -swd.png, -nearest.png, -losses.png, -emd.png,
 *                          -&lt;metric&gt;-trend.png, &lt;set&gt;-confusion.png
 * usecase/seed-&lt;s&gt;/       see {@link SeedLayout}
 * extra-samples/&lt;m&gt;/     what gan:sample drew later, see {@link GanLayout#extraSamples}
 * reevaluations/           what gan:evaluate found when it did not reproduce the run's figures
 * allure-results/          the run's Allure results
 * </pre>
 *
 * @param dir the run folder, absolute
 */
public record RunLayout(Path dir) {
    /** The file name of a run's (and latest/'s) figures. */
    public static final String METRICS = "metrics.json";

    /** {@code run-0001}, ... */
    public String id() {
        return dir.getFileName().toString();
    }

    public Path plan() {
        return dir.resolve("plan.yaml");
    }

    /** The plan's hash, written after {@link #plan()}, so its presence means the plan is whole. */
    public Path planHash() {
        return dir.resolve("plan.sha256");
    }

    /** Which experiment file the run was made from, and its content hash. */
    public Path source() {
        return dir.resolve("source.json");
    }

    /** The experiment file's content when the run was started. */
    public Path experimentCopy() {
        return dir.resolve("experiment.yaml");
    }

    /** Held by the build that trains the run. */
    /** Present when the run holds one shard's units ({@code -Dgan.shard}). */
    public Path shard() {
        return dir.resolve("shard.json");
    }

    /** Present in a run gan:merge combined from shards: their records. */
    public Path shards() {
        return dir.resolve("shards.json");
    }

    public Path lock() {
        return dir.resolve(".lock");
    }

    /** Marker of a finished run. */
    public Path complete() {
        return dir.resolve("COMPLETE");
    }

    public Path metrics() {
        return dir.resolve(METRICS);
    }

    public Path allureResults() {
        return dir.resolve("allure-results");
    }

    /**
     * A Table 1 model's units, one per training seed: a run of one seed keeps the model's files
     * where runs always kept them; with several, each seed has its own folders.
     */
    public List<GanUnit> units(String model, List<Long> seeds) {
        if (seeds.size() == 1) {
            return List.of(new GanUnit(model, seeds.get(0), model, gan(model)));
        }
        return seeds.stream().map(seed -> {
            String unit = model + "/seed-" + seed;
            return new GanUnit(model, seed, model + " (seed " + seed + ")", gan(unit, model + "-seed-" + seed));
        }).toList();
    }

    /** A model's files when it trains one seed: where runs always kept them. */
    public GanLayout gan(String model) {
        return gan(model, model);
    }

    /** @param unit {@code <m>} or {@code <m>/seed-<s>}, the unit's folder under models/, samples/ ... */
    private GanLayout gan(String unit, String plotPrefix) {
        Path models = dir.resolve("models").resolve(unit);
        return new GanLayout(models.resolve("checkpoints"), models.resolve("losses.jsonl"),
                models.resolve("emd.jsonl"), dir.resolve("samples").resolve(unit),
                dir.resolve("grids").resolve(unit + ".png"), dir.resolve("grids").resolve(unit),
                plot(plotPrefix + "-histograms.png"), plot(plotPrefix + "-swd.png"), plot(plotPrefix + "-nearest.png"),
                models.resolve("result.json"), dir.resolve("extra-samples").resolve(unit));
    }

    /** Re-evaluations of the run's samples that did not reproduce its figures, one file each. */
    public Path reevaluation(String timestamp) {
        return dir.resolve("reevaluations").resolve(timestamp + ".json");
    }

    /** A model's loss curve picture. */
    public Path lossPlot(String model) {
        return plot(model + "-losses.png");
    }

    /** A model's per-checkpoint EMD curve picture. */
    public Path emdPlot(String model) {
        return plot(model + "-emd.png");
    }

    /** A model's metric across the experiment's runs. */
    public Path trendPlot(String model, String metric) {
        return plot(model + "-" + metric + "-trend.png");
    }

    /** A use-case training set's confusion matrix, summed over the seeds. */
    public Path confusionPlot(String set) {
        return plot(set + "-confusion.png");
    }

    /** The use-case stage's folder of one seed. */
    public SeedLayout usecaseSeed(long seed) {
        return new SeedLayout(dir.resolve("usecase").resolve("seed-" + seed));
    }

    /** The folder of a model's use-case samples, as the log names it for any seed. */
    public Path usecaseFolder() {
        return dir.resolve("usecase");
    }

    /** Whether {@code file} is where a finished use-case classifier's scores go ({@link SeedLayout#result}). */
    public boolean isUsecaseResult(Path file) {
        Path seed = file.getParent();
        return seed != null && usecaseFolder().equals(seed.getParent()) && file.getFileName().toString().endsWith(".json");
    }

    private Path plot(String name) {
        return dir.resolve("plots").resolve(name);
    }
}
