package org.melanogans.engine.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.Json;
import org.melanogans.engine.stats.MeanInterval;

/**
 * Two models trained on the same seeds, compared on one metric seed by seed: the mean of the
 * per-seed differences {@code a - b} and its 95% Student-t interval, paired over the seeds (seed
 * noise common to both models cancels). An entry of {@code comparisons} in metrics.json.
 *
 * @param a              the first model (in the experiment's order)
 * @param b              the second model
 * @param metric         a figure of the model entries ({@code emd}, {@code swd_levels.64}, ...)
 * @param seeds          the seeds both trained on
 * @param meanDifference mean over the seeds of a - b
 * @param sd             sample standard deviation of the differences (null for one seed)
 * @param ci95           half-width of the 95% interval of the mean difference (null for one seed)
 * @param low            meanDifference - ci95 (null for one seed)
 * @param high           meanDifference + ci95 (null for one seed)
 * @param values         the per-seed differences, in seed order
 */
public record PairedDifference(String a, String b, String metric, List<Long> seeds, double meanDifference, Double sd,
                               Double ci95, Double low, Double high, List<Double> values) {
    /** The figures compared, where the entries have them; every pyramid level of the SWD too. */
    public static final List<String> METRICS = List.of("emd", "js_divergence", "js_distance", "swd", "swd_levels",
            "ms_ssim", "nn_distance_median", "copies");

    public PairedDifference {
        seeds = List.copyOf(seeds);
        values = values == null ? null : List.copyOf(values);
    }

    /** Every pair of completed models with the same training seeds, on every metric both have. */
    static List<PairedDifference> of(Map<String, ModelMetrics> models) {
        List<Map.Entry<String, ModelMetrics>> done = models.entrySet().stream()
                .filter(e -> e.getValue().status() == ModelStatus.COMPLETED && e.getValue().seeds() != null).toList();
        List<PairedDifference> out = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            for (int j = i + 1; j < done.size(); j++) {
                ModelMetrics a = done.get(i).getValue();
                ModelMetrics b = done.get(j).getValue();
                if (!a.trainingSeeds().equals(b.trainingSeeds())) {
                    continue;
                }
                List<JsonNode> as = a.seeds().stream().map(Json::tree).toList();
                List<JsonNode> bs = b.seeds().stream().map(Json::tree).toList();
                for (String metric : METRICS) {
                    for (String key : keys(as.get(0), metric)) {
                        List<Double> differences = new ArrayList<>();
                        for (int k = 0; k < as.size(); k++) {
                            JsonNode x = at(as.get(k), key);
                            JsonNode y = at(bs.get(k), key);
                            if (x == null || y == null || !x.isNumber() || !y.isNumber()) {
                                differences = null;
                                break;
                            }
                            differences.add(x.doubleValue() - y.doubleValue());
                        }
                        if (differences != null) {
                            out.add(of(done.get(i).getKey(), done.get(j).getKey(), key, a.trainingSeeds(),
                                    differences));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code a - b} on {@code metric}, from the per-seed differences in seed order. */
    static PairedDifference of(String a, String b, String metric, List<Long> seeds, List<Double> differences) {
        MeanInterval m = MeanInterval.of(differences);
        Double ci = m.halfWidth();
        return new PairedDifference(a, b, metric, seeds, m.mean(), m.sd(), ci, ci == null ? null : m.mean() - ci,
                ci == null ? null : m.mean() + ci, differences);
    }

    /** The interval lies above zero (false for one seed: no interval). */
    public boolean above() {
        return low != null && low > 0;
    }

    /** The interval lies below zero (false for one seed). */
    public boolean below() {
        return high != null && high < 0;
    }

    /** {@code metric} itself, or for an object such as swd_levels each of its keys ({@code swd_levels.64}). */
    private static List<String> keys(JsonNode figures, String metric) {
        JsonNode node = figures.get(metric);
        if (node == null || !node.isObject()) {
            return List.of(metric);
        }
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(metric + "." + it.next());
        }
        return keys;
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String step : dotted.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        return node;
    }
}
