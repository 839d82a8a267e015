package org.melanogans.engine.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.melanogans.engine.Json;
import org.melanogans.engine.experiment.LesionClass;

/**
 * The {@code usecase} section of metrics.json: the lesion classifier trained on B_Full, B_Imb and
 * B_Imb restored with each GAN's synthetic melanoma (paper Table 2), once per seed, with mean and
 * 95% interval over the seeds. Baseline keys reach into it, e.g.
 * {@code usecase.sets.b-imb.summary.validation_balanced_accuracy.mean}. The settings are flat keys
 * of the section ({@code usecase.pool}, ...).
 *
 * @param status   completed or failed
 * @param run      the run that ran the stage ({@code latest/metrics.json} may hold an earlier run's)
 * @param planSha256 the hash of that run's whole plan
 * @param settings how the stage ran
 * @param sets     per training set ({@code b-full}, {@code b-imb}, {@code b-imb+<gan>}); null when failed
 * @param comparisons paired over the seeds: B_Full - B_Imb ({@code loss}), each restored set - B_Imb
 *                 ({@code gains}) and - B_Full ({@code gaps}), and verdicts ({@link UsecaseComparisons});
 *                 flat keys of the section, null when failed and in files written before they existed
 * @param error    one-line reason when failed, otherwise null
 */
public record UsecaseMetrics(ModelStatus status, String run, String planSha256, @JsonUnwrapped Settings settings,
                             Map<String, SetResult> sets, @JsonUnwrapped UsecaseComparisons.Comparisons comparisons,
                             String error) {
    /** The training split's set (B_Full) and the set with its melanoma cut (B_Imb). */
    public static final String FULL = "b-full";
    public static final String IMBALANCED = "b-imb";

    /**
     * Each figure of one seed's classifier, by its metrics.json name: the per-set summaries and the
     * paired comparisons read them here. Null where a seed has none (no melanoma AUC without
     * melanoma; no GAN EMD without a GAN).
     */
    public static final Map<String, Function<SeedRun, Double>> FIGURES = figures();

    private static Map<String, Function<SeedRun, Double>> figures() {
        Map<String, Function<SeedRun, Double>> f = new LinkedHashMap<>();
        f.put("training_accuracy", r -> r.training().accuracy());
        f.put("validation_accuracy", r -> r.validation().accuracy());
        f.put("validation_balanced_accuracy", r -> r.validation().balancedAccuracy());
        for (LesionClass c : LesionClass.values()) {
            f.put("validation_" + c.yamlName() + "_recall", r -> r.validation().recall().get(c.yamlName()));
        }
        f.put("validation_melanoma_auc", r -> r.validation().melanomaAuc());
        f.put("gan_emd", r -> r.gan() == null ? null : r.gan().emd());
        return Collections.unmodifiableMap(f);
    }

    public UsecaseMetrics {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(settings, "settings");
        sets = sets == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    }

    /** The section of a stage that finished every seed, its comparisons and verdicts derived from the sets. */
    public static UsecaseMetrics completed(Settings settings, Map<String, SetResult> sets) {
        return new UsecaseMetrics(ModelStatus.COMPLETED, null, null, settings, sets,
                UsecaseComparisons.of(Objects.requireNonNull(sets, "sets")), null);
    }

    /** The section of a stage that failed; {@code gan:check} counts its figures as missing. */
    public static UsecaseMetrics failed(Settings settings, String error) {
        return new UsecaseMetrics(ModelStatus.FAILED, null, null, settings, null, null,
                Objects.requireNonNull(error, "error"));
    }

    /** This section as run by {@code run} with the plan of that hash. */
    public UsecaseMetrics from(String fromRun, String fromPlan) {
        return new UsecaseMetrics(status, fromRun, fromPlan, settings, sets, comparisons, error);
    }

    /**
     * How the stage ran (null in files of a failed stage written before the settings were kept).
     *
     * @param pool             which real melanoma the GANs trained on: paper, train-split or retained
     * @param validationLeaks  true when the pool holds validation images (the paper's protocol)
     * @param classifier       e.g. {@code resnet-18}
     * @param weights          the ImageNet weights file, or {@code none (trained from scratch)}
     * @param optimizer        adam or sgd-momentum
     * @param resolution       classifier input side
     * @param epochs           classifier epochs
     * @param seeds            the seeds the stage ran with, in order
     * @param trainingFraction share of each class in the training split
     * @param retainedMelanoma training melanoma kept in B_Imb
     * @param ganSteps         planned optimizer steps of each melanoma GAN
     * @param recipe           class weights, augmentation, schedule and test-time augmentation, in words
     */
    public record Settings(String pool, Boolean validationLeaks, String classifier, String weights, String optimizer,
                           Integer resolution, Integer epochs, List<Long> seeds, Double trainingFraction,
                           Integer retainedMelanoma, Integer ganSteps, String recipe) {
    }

    /**
     * One training set over all seeds.
     *
     * @param description what the classifier trained on
     * @param summary     per figure (e.g. {@code validation_accuracy}), mean and interval over the seeds
     * @param runs        one entry per seed, in seed order
     */
    public record SetResult(String description, Map<String, Summary> summary, List<SeedRun> runs) {
        public SetResult {
            summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
            runs = List.copyOf(runs);
        }
    }

    /**
     * One seed's classifier on one training set.
     *
     * @param seed           the stage seed (split, cut, GAN and classifier)
     * @param trainingImages images per class the classifier trained on, synthetic included
     * @param synthetic      generated melanoma among them
     * @param training       scores on its own training images (unflipped): the paper's training accuracy
     * @param validation     scores on the validation split
     * @param trainSeconds   classifier training time
     * @param gan            the melanoma GAN that made the synthetic images, or null
     */
    public record SeedRun(long seed, Map<String, Integer> trainingImages, int synthetic, Scores training,
                          Scores validation, double trainSeconds, MelanomaGan gan) {
        public SeedRun {
            trainingImages = Collections.unmodifiableMap(new LinkedHashMap<>(trainingImages));
        }

        /** Writes this run as JSON (atomically): the stage skips a (seed, set) whose file exists. */
        public void write(java.nio.file.Path file) {
            Json.write(file, this);
        }

        public static SeedRun read(java.nio.file.Path file) {
            return Json.read(file, SeedRun.class, "use-case result file");
        }
    }

    /**
     * Classification scores on one image set.
     *
     * @param images           images scored
     * @param accuracy         share predicted right
     * @param balancedAccuracy mean per-class recall
     * @param recall           per class present
     * @param melanomaAuc      one-vs-rest melanoma ROC AUC, null without melanoma or without others
     * @param confusion        true class -> predicted class -> count
     */
    public record Scores(int images, double accuracy, double balancedAccuracy, Map<String, Double> recall,
                         Double melanomaAuc, Map<String, Map<String, Integer>> confusion) {
        public Scores {
            recall = Collections.unmodifiableMap(new LinkedHashMap<>(recall));
            confusion = Collections.unmodifiableMap(new LinkedHashMap<>(confusion));
        }
    }

    /**
     * A melanoma GAN of one seed.
     *
     * @param model        the {@code models:} entry
     * @param poolImages   real melanoma it trained on
     * @param steps        optimizer steps taken
     * @param trainSeconds GAN training time
     * @param emd          EMD of its synthetic melanoma against its pool (colour histograms)
     * @param untrainedEmd the same for the untrained generator
     * @param swd          sliced Wasserstein distance x 1000 against its pool (null in older files)
     * @param msSsim       MS-SSIM of random pairs of its synthetic melanoma (null in older files)
     * @param msSsimReal   the same over pairs of its pool
     * @param copies       share of synthetic melanoma closer to a pool image than 99% of the pool is
     * @param samples      the synthetic melanoma folder, relative to the run directory
     */
    public record MelanomaGan(String model, int poolImages, long steps, double trainSeconds, double emd,
                              double untrainedEmd, Double swd, Double msSsim, Double msSsimReal, Double copies,
                              String samples) {
    }
}
