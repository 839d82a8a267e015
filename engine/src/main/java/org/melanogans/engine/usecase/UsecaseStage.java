package org.melanogans.engine.usecase;

import static org.melanogans.engine.results.UsecaseMetrics.FULL;
import static org.melanogans.engine.results.UsecaseMetrics.IMBALANCED;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.ClassifierConfig;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.LesionClass;
import org.melanogans.engine.experiment.MelanomaPool;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.experiment.UsecaseConfig;
import org.melanogans.engine.experiment.YamlNames;
import org.melanogans.engine.layout.SeedLayout;
import org.melanogans.engine.metrics.StructureMetrics;
import org.melanogans.engine.plan.PlanYaml;
import org.melanogans.engine.plan.RunPlan;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.results.UsecaseMetrics;
import org.melanogans.engine.results.UsecaseMetrics.MelanomaGan;
import org.melanogans.engine.results.UsecaseMetrics.Scores;
import org.melanogans.engine.results.UsecaseMetrics.SeedRun;
import org.melanogans.engine.results.UsecaseMetrics.SetResult;
import org.melanogans.engine.results.Summary;
import org.melanogans.engine.run.GanRun;

/**
 * The use-case stage (paper Table 2). For every seed: a stratified split, B_Imb cut from it, a
 * melanoma GAN per chosen model trained on the configured pool and sampled until B_Imb's melanoma
 * count is back to the training split's, and one classifier per training set (B_Full, B_Imb,
 * B_Imb + each GAN's samples), scored on the split's validation images.
 *
 * <p>Everything a seed produces stays under {@code <run>/usecase/seed-<s>/}: GAN checkpoints, the
 * synthetic melanoma the classifier trained on ({@code synthetic/<gan>/}), and one
 * {@code <set>.json} per finished classifier. A resumed run skips the classifiers whose file
 * exists and resumes a GAN from its newest checkpoint, so an interrupted stage loses at most the
 * classifier it was training.
 */
public final class UsecaseStage {
    /** A checkpoint about every this many GAN steps (a 46-image pool has epochs of 5 steps). */
    private static final int GAN_CHECKPOINT_STEPS = 250;

    private final Experiment experiment;
    private final UsecaseConfig usecase;
    private final RunPlan plan;
    private final EngineLog log;
    private final SharedClassifiers shared;

    /**
     * Where the stage may reuse B_Full and B_Imb classifiers another run of the same code trained.
     *
     * @param dir    the cache folder
     * @param commit the code's commit; results are shared only between runs of one clean commit
     */
    public record SharedClassifiers(Path dir, String commit) {
        /** Sharing is safe only when the commit names the code exactly (not "-dirty", not unknown). */
        boolean usable() {
            return dir != null && Environment.isCleanCommit(commit);
        }
    }

    /** A stage that trains every classifier itself. */
    public UsecaseStage(Experiment experiment, RunPlan plan, EngineLog log) {
        this(experiment, plan, log, new SharedClassifiers(null, null));
    }

    public UsecaseStage(Experiment experiment, RunPlan plan, EngineLog log, SharedClassifiers shared) {
        this.experiment = experiment;
        this.usecase = experiment.usecase();
        this.plan = plan;
        this.log = log;
        this.shared = shared;
    }

    /** The name of the training set restored with {@code gan}'s samples. */
    public static String augmentedSet(String gan) {
        return IMBALANCED + "+" + gan;
    }

    /**
     * The stage's mistakes that the data or the file system reveal, found before anything trains
     * (the engine calls this before the experiment's other models too).
     *
     * @return each image's class, by id
     */
    public static Map<String, LesionClass> preflight(Experiment experiment, ImageSet data) {
        UsecaseConfig usecase = experiment.usecase();
        Map<String, LesionClass> labels = labelsOf(experiment, data);
        Path weights = usecase.classifier().weights();
        if (weights != null && !Files.isRegularFile(weights)) {
            throw new UserException(experiment.source() + ": usecase.classifier.weights: " + weights + " not found; "
                    + "put the Keras ResNet-50 notop ImageNet weights file there, or remove the key to train from "
                    + "scratch");
        }
        long melanoma = labels.values().stream().filter(LesionClass.MELANOMA::equals).count();
        int training = StratifiedSplit.trainingCount((int) melanoma, usecase.trainingFraction());
        if (usecase.retainedMelanoma() >= training) {
            throw new UserException(experiment.source() + ": usecase.retained_melanoma: keeping "
                    + usecase.retainedMelanoma() + " leaves none of the training split's " + training
                    + " melanoma to restore with synthetic ones; keep fewer than " + training);
        }
        return labels;
    }

    /**
     * Runs the given seeds of the stage (skipping finished classifiers) and summarises them.
     *
     * @param seeds the stage's seeds to run: all of them, or those of one shard
     */
    public UsecaseMetrics run(ImageSet data, List<Long> seeds) {
        Map<String, LesionClass> labels = preflight(experiment, data);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < data.count(); i++) {
            index.put(data.ids().get(i), i);
        }
        ClassifierConfig c = usecase.classifier();
        ImageSet real = data.resized(c.resolution());
        Map<String, List<SeedRun>> runs = new LinkedHashMap<>();
        Map<String, String> descriptions = descriptions(usecase);
        descriptions.keySet().forEach(set -> runs.put(set, new ArrayList<>()));
        for (long seed : usecase.seeds()) {
            if (!seeds.contains(seed)) {
                continue;
            }
            StratifiedSplit split = StratifiedSplit.of(labels, usecase.trainingFraction(), seed);
            ImbalancedTrainingSet imbalanced = ImbalancedTrainingSet.of(split, usecase.retainedMelanoma(), seed);
            SeedLayout seedDir = plan.run().usecaseSeed(seed);
            ImageSet validation = real.subset(indices(split.validation(), index));
            runs.get(FULL).add(once(seedDir, FULL, seed, sharedFile(data, seed, FULL), () ->
                    classify(seed, FULL, real.subset(indices(split.training(), index)), 0, validation,
                            null)));
            ImageSet imbalancedImages = real.subset(indices(imbalanced.images(), index));
            runs.get(IMBALANCED).add(once(seedDir, IMBALANCED, seed, sharedFile(data, seed, IMBALANCED), () ->
                    classify(seed, IMBALANCED, imbalancedImages, 0, validation, null)));
            for (String gan : usecase.gans()) {
                String set = augmentedSet(gan);
                // a restored set depends on its pool's GAN: never shared
                runs.get(set).add(once(seedDir, set, seed, null, () -> {
                    ModelConfig model = experiment.models().stream().filter(m -> m.name().equals(gan)).findFirst()
                            .orElseThrow();
                    ImageSet pool = data.subset(imbalanced.melanomaPool(usecase.pool()).stream()
                            .mapToInt(index::get).toArray());
                    Synthetic synthetic = melanomaGan(model, pool, seed, imbalanced.syntheticMelanoma(), seedDir);
                    return classify(seed, set, imbalancedImages.concat(synthetic.images().resized(c.resolution())),
                            synthetic.images().count(), validation, synthetic.gan());
                }));
            }
        }
        return summary(descriptions, runs);
    }

    private UsecaseMetrics summary(Map<String, String> descriptions, Map<String, List<SeedRun>> runs) {
        Map<String, SetResult> sets = new LinkedHashMap<>();
        runs.forEach((set, seedRuns) -> sets.put(set, new SetResult(descriptions.get(set), summarise(seedRuns),
                seedRuns)));
        return UsecaseMetrics.completed(settings(), sets);
    }

    /** The sets the stage trains a classifier on, each with what it is. */
    private static Map<String, String> descriptions(UsecaseConfig usecase) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(FULL, "the training split (B_Full)");
        descriptions.put(IMBALANCED, "the training split with its melanoma cut to " + usecase.retainedMelanoma()
                + " (B_Imb)");
        for (String gan : usecase.gans()) {
            descriptions.put(augmentedSet(gan), "B_Imb plus " + gan + " melanoma restoring the training split's "
                    + "class counts (GAN pool: " + YamlNames.of(usecase.pool()) + ")");
        }
        return descriptions;
    }

    /**
     * The stage's figures from the classifiers' result files already in the run (every seed and
     * set), as {@link #run} summarises them; null when one is missing.
     */
    public UsecaseMetrics fromFiles() {
        Map<String, String> descriptions = descriptions(usecase);
        Map<String, List<SeedRun>> runs = new LinkedHashMap<>();
        for (String set : descriptions.keySet()) {
            List<SeedRun> seedRuns = new ArrayList<>();
            for (long seed : usecase.seeds()) {
                Path file = plan.run().usecaseSeed(seed).result(set);
                if (!Files.isRegularFile(file)) {
                    return null;
                }
                seedRuns.add(SeedRun.read(file));
            }
            runs.put(set, seedRuns);
        }
        return summary(descriptions, runs);
    }

    /** How the stage runs, as metrics.json states it (also for a stage that failed). */
    public UsecaseMetrics.Settings settings() {
        ClassifierConfig c = usecase.classifier();
        return new UsecaseMetrics.Settings(YamlNames.of(usecase.pool()), usecase.pool() == MelanomaPool.PAPER,
                "resnet-" + c.depth(), c.weights() == null ? "none (trained from scratch)" : c.weights().toString(),
                YamlNames.of(c.optimizer()), c.resolution(), c.epochs(), usecase.seeds(), usecase.trainingFraction(),
                usecase.retainedMelanoma(), usecase.ganSteps(), c.recipe().describe());
    }

    private static Map<String, LesionClass> labelsOf(Experiment experiment, ImageSet data) {
        if (data.labels() == null) {
            throw new UserException(experiment.source() + ": usecase needs labelled images (data.format isic2017 "
                    + "or generated), but data.format " + YamlNames.of(experiment.data().format()) + " has no labels");
        }
        Map<String, LesionClass> labels = new LinkedHashMap<>();
        EnumMap<LesionClass, Integer> counts = new EnumMap<>(LesionClass.class);
        for (int i = 0; i < data.count(); i++) {
            labels.put(data.ids().get(i), data.labels().get(i));
            counts.merge(data.labels().get(i), 1, Integer::sum);
        }
        for (LesionClass c : LesionClass.values()) {
            if (!counts.containsKey(c)) {
                throw new UserException(experiment.source() + ": usecase classifies all three diagnoses, but the "
                        + "data holds no " + c.yamlName() + " images; list all three under data.classes");
            }
        }
        return labels;
    }

    private static int[] indices(SortedMap<String, LesionClass> images, Map<String, Integer> index) {
        return images.keySet().stream().mapToInt(index::get).toArray();
    }

    /**
     * Where a B_Full or B_Imb classifier of this seed is shared with other runs: keyed by everything
     * its result depends on (the images, the split and cut, the classifier, the threads, the device,
     * the code), none of which is the GAN pool; null when the commit cannot vouch for the code.
     */
    private Path sharedFile(ImageSet data, long seed, String set) {
        if (!shared.usable()) {
            return null;
        }
        TrainConfig t = experiment.train();
        String key = String.join("\n", shared.commit(), data.sha256(), Long.toString(seed), set,
                Json.line(usecase.classifier()), Double.toString(usecase.trainingFraction()),
                Integer.toString(usecase.retainedMelanoma()), Integer.toString(t.intraOpThreads()),
                Integer.toString(t.interOpThreads()), Boolean.toString(t.bfloat16()), YamlNames.of(experiment.device()));
        return shared.dir().resolve(PlanYaml.sha256(key).substring(0, 32) + ".json");
    }

    /**
     * The (seed, set) result from its file when a previous attempt finished it, else from the shared
     * file another run of the same code wrote (copied into this run), else computed and saved to both
     * ({@code sharedFile} null: not shared).
     */
    private SeedRun once(SeedLayout seedDir, String set, long seed, Path sharedFile, Supplier<SeedRun> compute) {
        Path file = seedDir.result(set);
        if (Files.isRegularFile(file)) {
            SeedRun done = SeedRun.read(file);
            log.info(String.format(Locale.ROOT, "usecase seed %d, %s: finished before, read from %s", seed, set,
                    file));
            return done;
        }
        if (sharedFile != null && Files.isRegularFile(sharedFile)) {
            SeedRun done = SeedRun.read(sharedFile);
            done.write(file);
            log.info(String.format(Locale.ROOT, "usecase seed %d, %s: trained by another run of this commit on the"
                    + " same images, split and classifier; reused from %s", seed, set, sharedFile));
            return done;
        }
        SeedRun run = compute.get();
        run.write(file);
        if (sharedFile != null) {
            run.write(sharedFile);
        }
        return run;
    }

    private SeedRun classify(long seed, String set, ImageSet training, int synthetic, ImageSet validation,
                             MelanomaGan gan) {
        ClassifierConfig c = usecase.classifier();
        TrainConfig t = experiment.train();
        if (training.count() < c.batch()) {
            throw new UserException(experiment.source() + ": usecase " + set + " holds " + training.count()
                    + " training images, fewer than one classifier batch of " + c.batch()
                    + "; lower usecase.classifier.batch or use more images");
        }
        int[] all = IntStream.range(0, training.count()).toArray();
        long start = System.nanoTime();
        try (ClassifierGraph graph = ClassifierGraph.of(c, LesionClass.values().length, seed, t.intraOpThreads(),
                t.interOpThreads(), t.bfloat16())) {
            double[] losses = ClassifierTrainer.train(graph, training, all, training.labels(), c.epochs(), seed,
                    c.recipe(), c.learningRate(), (epoch, loss, rate) -> log.info(String.format(Locale.ROOT,
                            "usecase seed %d, %s: epoch %d/%d, loss %.4f, %.1f img/s", seed, set, epoch, c.epochs(),
                            loss, rate)));
            double seconds = (System.nanoTime() - start) / 1e9;
            Scores trainingScores = scores(training.labels(), ClassifierTrainer.predict(graph, training, all,
                    c.recipe()));
            Scores validationScores = scores(validation.labels(), ClassifierTrainer.predict(graph, validation,
                    IntStream.range(0, validation.count()).toArray(), c.recipe()));
            log.info(String.format(Locale.ROOT, "usecase seed %d, %s (%d images, %d synthetic): loss %.3f -> %.3f;"
                            + " training accuracy %.4f; validation accuracy %.4f, balanced %.4f, melanoma recall %.4f,"
                            + " melanoma AUC %s (%.0f s)", seed, set, training.count(), synthetic, losses[0],
                    losses[losses.length - 1], trainingScores.accuracy(), validationScores.accuracy(),
                    validationScores.balancedAccuracy(), validationScores.recall().get("melanoma"),
                    validationScores.melanomaAuc() == null ? "n/a"
                            : String.format(Locale.ROOT, "%.4f", validationScores.melanomaAuc()), seconds));
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (LesionClass k : LesionClass.values()) {
                counts.put(k.yamlName(), (int) training.labels().stream().filter(k::equals).count());
            }
            return new SeedRun(seed, counts, synthetic, trainingScores, validationScores, seconds, gan);
        }
    }

    private static Scores scores(List<LesionClass> truth, double[][] probabilities) {
        ClassificationMetrics m = ClassificationMetrics.of(truth, probabilities);
        Map<String, Double> recall = new LinkedHashMap<>();
        m.recall().forEach((k, v) -> recall.put(k.yamlName(), v));
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (LesionClass actual : LesionClass.values()) {
            Map<String, Integer> row = new LinkedHashMap<>();
            for (LesionClass predicted : LesionClass.values()) {
                row.put(predicted.yamlName(), m.confusion().count(actual, predicted));
            }
            confusion.put(actual.yamlName(), row);
        }
        return new Scores(truth.size(), m.accuracy(), m.balancedAccuracy(), recall, m.melanomaAuc(), confusion);
    }

    private record Synthetic(ImageSet images, MelanomaGan gan) {
    }

    /**
     * Trains {@code model} on the melanoma {@code pool} for the planned steps (resuming from its
     * checkpoints) and draws {@code count} melanoma, written to {@code synthetic/<model>/}.
     */
    private Synthetic melanomaGan(ModelConfig model, ImageSet pool, long seed, int count, SeedLayout seedDir) {
        TrainConfig t = experiment.train();
        int perEpoch = pool.count() / t.batch();
        if (perEpoch == 0) {
            throw new UserException(experiment.source() + ": the " + YamlNames.of(usecase.pool()) + " melanoma pool"
                    + " holds " + pool.count() + " images, fewer than one GAN batch of " + t.batch()
                    + " (train.batch); lower train.batch or pick a larger usecase.pool");
        }
        int epochs = (usecase.ganSteps() + perEpoch - 1) / perEpoch;
        TrainConfig ganTrain = new TrainConfig(epochs, t.batch(), t.learningRate(), t.beta1(), t.beta2(),
                t.logEvery(), t.intraOpThreads(), t.interOpThreads(), t.bfloat16());
        String name = model.name() + " (usecase seed " + seed + ")";
        log.info(String.format(Locale.ROOT, "%s: %d %s melanoma, %d epochs of %d steps", name, pool.count(),
                YamlNames.of(usecase.pool()), epochs, perEpoch));
        // the pools are small by design: MS-SSIM takes as many of the configured pairs as they have
        long pairs = Math.min((long) count * (count - 1) / 2, (long) pool.count() * (pool.count() - 1) / 2);
        StructureMetrics.Settings metrics = StructureMetrics.Settings.of(experiment.metrics(), seed,
                t.intraOpThreads()).pairsAtMost(pairs);
        GanRun.Spec spec = new GanRun.Spec(name, model, ganTrain, seed, Math.max(1, GAN_CHECKPOINT_STEPS / perEpoch),
                count, experiment.sample().grid(), plan.planHash(), metrics);
        var layout = seedDir.gan(model.name());
        GanRun.Outcome outcome = GanRun.run(spec, pool, layout, log);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format(Locale.ROOT, "synthetic-%s-%05d", model.name(), i));
        }
        ImageSet images = ImageSet.of(ids, ids.stream().map(id -> LesionClass.MELANOMA).toList(),
                pool.resolution(), outcome.samples().pixels());
        var training = outcome.training();
        StructureMetrics structure = outcome.structure();
        return new Synthetic(images, new MelanomaGan(model.name(), pool.count(), training.steps(), training.seconds(),
                outcome.histogram().emd(), training.untrainedEmd(), structure.swd(), structure.msSsim(),
                structure.msSsimReal(), structure.copies(), plan.run().dir().relativize(layout.samples()).toString()));
    }

    /** Mean and 95% interval over the seeds of each headline figure. */
    static Map<String, Summary> summarise(List<SeedRun> runs) {
        Map<String, Summary> summary = new LinkedHashMap<>();
        UsecaseMetrics.FIGURES.forEach((name, figure) -> {
            List<Double> values = runs.stream().map(figure).toList();
            if (values.stream().anyMatch(v -> v == null)) {
                return;   // e.g. no AUC on a set without melanoma: no figure rather than a wrong one
            }
            summary.put(name, Summary.of(values));
        });
        return summary;
    }
}
