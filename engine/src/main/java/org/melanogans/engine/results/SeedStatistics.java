package org.melanogans.engine.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.melanogans.engine.Json;

/**
 * Figures over a model's training seeds, taken key by key from the seeds' JSON so that every
 * figure (the structural ones, per channel, per pyramid level) is covered without a list to keep
 * up to date: the mean of each number (the headline metrics.json shows) and its {@link Summary}.
 * Settings that do not vary by design (the seed, counts of samples, epochs, steps, images, pairs
 * and parameters) get no summary.
 */
final class SeedStatistics {
    /** Keys that are settings, not figures. */
    static final Set<String> SETTINGS = Set.of("seed", "samples", "epochs", "steps", "swd_images", "ms_ssim_pairs",
            "parameters", "discriminator_parameters");

    private SeedStatistics() {
    }

    /** The seeds' figures with every number replaced by its mean over the seeds. */
    static SeedFigures mean(List<SeedFigures> seeds) {
        List<JsonNode> trees = seeds.stream().map(Json::tree).toList();
        try {
            return Json.LENIENT.treeToValue(meanTree(trees), SeedFigures.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the mean of seed figures is seed figures", e);
        }
    }

    /** Per figure, nested as the figures are ({@code emd}, {@code per_channel.r.emd}, {@code swd_levels.64}). */
    static ObjectNode summary(List<SeedFigures> seeds) {
        return summaryTree(seeds.stream().map(Json::tree).toList());
    }

    private static JsonNode meanTree(List<JsonNode> trees) {
        JsonNode first = trees.get(0);
        if (first.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : first.properties()) {
                out.set(field.getKey(), meanTree(trees.stream().map(t -> t.path(field.getKey())).toList()));
            }
            return out;
        }
        List<Double> values = numbers(trees);
        return values == null ? first : JsonNodeFactory.instance.numberNode(
                values.stream().mapToDouble(Double::doubleValue).sum() / values.size());
    }

    private static ObjectNode summaryTree(List<JsonNode> trees) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> field : trees.get(0).properties()) {
            String key = field.getKey();
            if (SETTINGS.contains(key)) {
                continue;
            }
            List<JsonNode> children = trees.stream().map(t -> t.path(key)).toList();
            if (children.get(0).isObject()) {
                ObjectNode nested = summaryTree(children);
                if (!nested.isEmpty()) {
                    out.set(key, nested);
                }
            } else {
                List<Double> values = numbers(children);
                if (values != null) {
                    out.set(key, Json.tree(Summary.of(values)));
                }
            }
        }
        return out;
    }

    /** The numbers, or null unless every node is one. */
    private static List<Double> numbers(List<JsonNode> nodes) {
        List<Double> values = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (!n.isNumber()) {
                return null;
            }
            values.add(n.doubleValue());
        }
        return values;
    }
}
