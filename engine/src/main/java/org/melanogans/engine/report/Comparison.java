package org.melanogans.engine.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.melanogans.engine.experiment.Band;

/**
 * One of our figures beside the paper's: one test result in the report.
 *
 * @param stage   {@code histogram metrics} (Table 1) or {@code use-case} (Table 2)
 * @param subject the model (Table 1) or the training set (Table 2)
 * @param metric  e.g. {@code emd}, {@code validation_accuracy}
 * @param ours    our value; null when the stage failed or did not run
 * @param paper   the paper's value, from the experiment file
 * @param floor   the same metric between two random halves of the real images (sampling noise), or null
 * @param ceiling the same metric for an untrained generator, or null when not measured
 * @param band    inside it ours reproduces the paper's
 * @param verdict reproduced, outside the band, stage failed, or not run
 * @param reason  why, in one line (the failure message for a failed stage)
 * @param spread  ours over the seeds, and the time it took
 */
public record Comparison(String stage, String subject, String metric, Double ours, double paper, Double floor,
                         Double ceiling, Band band, Verdict verdict, String reason, Spread spread) {
    public static final String TABLE_1 = "histogram metrics";
    public static final String TABLE_2 = "use-case";

    public enum Verdict { REPRODUCED, OUTSIDE_BAND, STAGE_FAILED, NOT_RUN }

    /**
     * Our value over the seeds.
     *
     * @param ci95    half-width of the 95% interval of the mean (null for one seed)
     * @param perSeed each seed's value, by seed
     * @param seconds the real time of what the figure measures (training, sampling and scoring of
     *                every seed; for a use-case set its classifiers' training), or null
     */
    public record Spread(Double ci95, Map<String, Double> perSeed, Double seconds) {
        public static final Spread NONE = new Spread(null, Map.of(), null);

        public Spread {
            perSeed = Collections.unmodifiableMap(new LinkedHashMap<>(perSeed));
        }
    }

    /** ours / paper, or null without a value of ours or with a paper value of 0. */
    public Double ratio() {
        return ours == null || paper == 0 ? null : ours / paper;
    }
}
