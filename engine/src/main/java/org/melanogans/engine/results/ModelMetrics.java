package org.melanogans.engine.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.StructureMetrics;
import org.melanogans.engine.metrics.PerChannel;

/**
 * One model's entry under {@code models} in metrics.json. The parts are flat keys in the file
 * ({@code emd}, ..., {@code parameters}, ..., {@code steps}, ...), every key always written; a value
 * that does not apply is null: all of them but the error for a failed model, {@code untrained_emd}
 * when no untrained reference was scored.
 *
 * @param status       completed or failed
 * @param source       which run produced the entry, and with what plan
 * @param histogram    the paper's histogram metrics of the samples against the training images
 * @param structure    structure, diversity and copying of the samples (docs/METRICS.md)
 * @param untrainedEmd EMD of an untrained generator of the same model: shows how far training moved it
 * @param untrainedSwd the same for the sliced Wasserstein distance
 * @param networks     the networks' sizes
 * @param training     how long and how fast the model trained
 * @param samples      number of generated images the metrics were computed on
 * @param summary      every figure over the training seeds ({@link Summary}: mean, sd, ci95, low,
 *                     high, values), nested as the figures are: {@code summary.emd.ci95},
 *                     {@code summary.swd_levels.64.sd}; null when failed and in older files
 * @param seeds        each training seed's figures, in seed order (null when failed and in older files)
 * @param error        one-line reason when failed, otherwise null
 */
public record ModelMetrics(ModelStatus status, @JsonUnwrapped Source source, @JsonUnwrapped Histogram histogram,
                           @JsonUnwrapped Structure structure, Double untrainedEmd, Double untrainedSwd,
                           @JsonUnwrapped Networks networks, @JsonUnwrapped Training training, Integer samples,
                           JsonNode summary, List<SeedFigures> seeds, String error) {
    public ModelMetrics {
        Objects.requireNonNull(status, "status");
        source = Objects.requireNonNullElse(source, Source.NONE);
        structure = Objects.requireNonNullElse(structure, Structure.NONE);
        histogram = Objects.requireNonNullElse(histogram, Histogram.NONE);
        networks = Objects.requireNonNullElse(networks, Networks.NONE);
        training = Objects.requireNonNullElse(training, Training.NONE);
        seeds = seeds == null ? null : List.copyOf(seeds);
        summary = summary == null || summary.isNull() ? null : summary;   // Jackson reads a JSON null as NullNode
    }

    /**
     * Where an entry comes from: {@code latest/metrics.json} gathers the newest result of every
     * model, so an entry may come from an earlier run than the file's.
     *
     * @param run        the run that trained and scored the model ({@code run-0001})
     * @param planSha256 {@code PlanYaml.modelHash}: what the figures depend on; equal hashes, same training
     */
    public record Source(String run, String planSha256) {
        static final Source NONE = new Source(null, null);
    }

    /**
     * The histogram metrics as the file holds them.
     *
     * @param emd               headline EMD
     * @param jsDivergence      headline JS divergence, nats
     * @param jsDistance        headline JS distance (scipy {@code jensenshannon}, base 2)
     * @param jsDivergenceBase2 headline JS divergence, bits
     * @param perChannel        the same measures per colour channel
     */
    public record Histogram(Double emd, Double jsDivergence, Double jsDistance, Double jsDivergenceBase2,
                            PerChannel perChannel) {
        static final Histogram NONE = new Histogram(null, null, null, null, null);

        public static Histogram of(HistogramMetrics m) {
            return new Histogram(m.emd(), m.jsDivergence(), m.jsDistance(), m.jsDivergenceBase2(), m.perChannel());
        }
    }

    /**
     * The structural metrics as the file holds them (null in files written before they existed).
     *
     * @param swd                  sliced Wasserstein distance x 1000, mean over the pyramid levels
     * @param swdLevels            per level side ("64", "32", "16")
     * @param swdImages            images per side it compared
     * @param msSsim               MS-SSIM of random pairs of samples (lower: more diverse)
     * @param msSsimReal           the same over pairs of the training images
     * @param msSsimPairs          pairs each MS-SSIM is over
     * @param nnDistanceMedian     median distance of a sample to its nearest training image
     * @param nnDistanceMedianReal median distance of a training image to its nearest other one
     * @param copies               share of samples closer to a training image than 99% of the training images are
     */
    public record Structure(Double swd, Map<String, Double> swdLevels, Integer swdImages, Double msSsim,
                            Double msSsimReal, Integer msSsimPairs, Double nnDistanceMedian,
                            Double nnDistanceMedianReal, Double copies) {
        static final Structure NONE = new Structure(null, null, null, null, null, null, null, null, null);

        public static Structure of(StructureMetrics m) {
            return new Structure(m.swd(), m.swdLevels(), m.swdImages(), m.msSsim(), m.msSsimReal(), m.msSsimPairs(),
                    m.nnDistanceMedian(), m.nnDistanceMedianReal(), m.copies());
        }
    }

    /**
     * @param parameters              the generator's trainable parameters (the count the paper equalises)
     * @param discriminatorParameters the discriminator's trainable parameters
     */
    public record Networks(Long parameters, Long discriminatorParameters) {
        static final Networks NONE = new Networks(null, null);

        public static Networks of(long generator, long discriminator) {
            return new Networks(generator, discriminator);
        }
    }

    /**
     * @param trainImagesPerSecond training steps x batch over training wall time
     * @param epochs               epochs trained
     * @param steps                optimizer steps taken
     * @param trainSeconds         wall-clock training time, resumes included
     * @param sampleSeconds        wall-clock time drawing and writing the samples (null in older files)
     * @param scoreSeconds         wall-clock time scoring them: every metric and plot (null in older files)
     */
    public record Training(Double trainImagesPerSecond, Integer epochs, Long steps, Double trainSeconds,
                           Double sampleSeconds, Double scoreSeconds) {
        static final Training NONE = new Training(null, null, null, null, null, null);

        public static Training of(double imagesPerSecond, int epochs, long steps, double seconds,
                                  double sampleSeconds, double scoreSeconds) {
            return new Training(imagesPerSecond, epochs, steps, seconds, sampleSeconds, scoreSeconds);
        }
    }

    /**
     * Entry of a model that trained and was scored on every one of its training seeds: each figure
     * the mean over the seeds (a single seed's own figures), with their summaries and the seeds'
     * own figures beside.
     */
    public static ModelMetrics ofSeeds(List<SeedFigures> seeds) {
        SeedFigures mean = SeedStatistics.mean(seeds);
        return new ModelMetrics(ModelStatus.COMPLETED, null, mean.histogram(), mean.structure(), mean.untrainedEmd(),
                mean.untrainedSwd(), mean.networks(), mean.training(), mean.samples(), SeedStatistics.summary(seeds),
                seeds, null);
    }

    /** Entry of a model that failed; the regression check counts its metrics as missing. */
    public static ModelMetrics failed(String error) {
        return new ModelMetrics(ModelStatus.FAILED, null, null, null, null, null, null, null, null, null, null,
                Objects.requireNonNull(error, "error"));
    }

    /** This entry as produced by {@code run} with the model's plan hash. */
    public ModelMetrics from(String run, String planSha256) {
        return new ModelMetrics(status, new Source(run, planSha256), histogram, structure, untrainedEmd, untrainedSwd,
                networks, training, samples, summary, seeds, error);
    }

    /** The training seeds, in order (empty when failed or in older files). */
    public List<Long> trainingSeeds() {
        return seeds == null ? List.of() : seeds.stream().map(SeedFigures::seed).toList();
    }

    /** The headline EMD, or null when not scored. */
    public Double emd() {
        return histogram.emd();
    }

    /** The headline JS divergence (nats), or null when not scored. */
    public Double jsDivergence() {
        return histogram.jsDivergence();
    }

    /** The headline JS distance (base 2), or null when not scored. */
    public Double jsDistance() {
        return histogram.jsDistance();
    }
}
