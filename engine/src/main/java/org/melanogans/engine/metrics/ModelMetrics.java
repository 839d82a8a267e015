package org.melanogans.engine.metrics;

import java.util.Objects;

/**
 * One model's entry under {@code models} in metrics.json. Fields that do not apply (all metrics
 * of a failed model, {@code untrained_emd} when no untrained reference was scored) are null.
 *
 * @param status               completed or failed
 * @param emd                  headline EMD of the samples against the training images
 * @param jsDivergence         headline JS divergence, nats
 * @param jsDistance           headline JS distance (scipy {@code jensenshannon}, base 2)
 * @param jsDivergenceBase2    headline JS divergence, bits
 * @param perChannel           the same measures per colour channel
 * @param untrainedEmd         EMD of an untrained generator of the same model: shows how far training moved it
 * @param parameters           the generator's trainable parameters (the count the paper equalises)
 * @param discriminatorParameters the discriminator's trainable parameters
 * @param trainImagesPerSecond training throughput
 * @param epochs               epochs trained
 * @param steps                optimizer steps taken
 * @param trainSeconds         wall-clock training time
 * @param samples              number of generated images the metrics were computed on
 * @param error                one-line reason when failed, otherwise null
 */
public record ModelMetrics(ModelStatus status, Double emd, Double jsDivergence, Double jsDistance,
                           Double jsDivergenceBase2, PerChannel perChannel, Double untrainedEmd,
                           Long parameters, Long discriminatorParameters, Double trainImagesPerSecond, Integer epochs, Long steps,
                           Double trainSeconds, Integer samples, String error) {
    public ModelMetrics {
        Objects.requireNonNull(status, "status");
    }

    /** Entry of a model that trained and was scored. */
    public static ModelMetrics completed(HistogramMetrics metrics, Double untrainedEmd, long parameters,
                                         long discriminatorParameters, double trainImagesPerSecond, int epochs, long steps,
                                         double trainSeconds, int samples) {
        return new ModelMetrics(ModelStatus.COMPLETED, metrics.emd(), metrics.jsDivergence(), metrics.jsDistance(),
                metrics.jsDivergenceBase2(), metrics.perChannel(), untrainedEmd, parameters, discriminatorParameters,
                trainImagesPerSecond,
                epochs, steps, trainSeconds, samples, null);
    }

    /** Entry of a model that failed; the regression check counts its metrics as missing. */
    public static ModelMetrics failed(String error) {
        return new ModelMetrics(ModelStatus.FAILED, null, null, null, null, null, null, null, null, null, null,
                null, null, null, Objects.requireNonNull(error, "error"));
    }
}
