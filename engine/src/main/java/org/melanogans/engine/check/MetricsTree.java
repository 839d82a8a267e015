package org.melanogans.engine.check;

import com.fasterxml.jackson.databind.JsonNode;

/** metrics.json as a tree, read by the dotted keys a baseline names ({@code models.dcgan.emd}). */
final class MetricsTree {
    private MetricsTree() {
    }

    /** The node at a dotted path (object keys only), or null when any step is absent. */
    static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String step : dottedPath.split("\\.", -1)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }

    /**
     * The summary over seeds of the figure a baseline key names, or null: a model figure's in the
     * entry's {@code summary} ({@code models.dcgan.swd_levels.64} -> {@code models.dcgan.summary.swd_levels.64}),
     * a use-case figure's around its mean ({@code ...summary.validation_accuracy.mean}), a paired
     * difference's around its mean difference ({@code usecase.gains.<set>.<figure>.mean_difference}).
     */
    static JsonNode summaryOf(JsonNode root, String key) {
        String[] steps = key.split("\\.", -1);
        JsonNode node;
        if (steps.length >= 3 && steps[0].equals("models")) {
            node = at(root, "models." + steps[1] + ".summary." + key.substring(("models." + steps[1] + ".").length()));
        } else if (key.endsWith(".mean")) {
            node = at(root, key.substring(0, key.length() - ".mean".length()));
        } else if (key.endsWith(".mean_difference")) {
            node = at(root, key.substring(0, key.length() - ".mean_difference".length()));
        } else {
            node = null;
        }
        return node != null && node.isObject() && node.path("values").isArray() ? node : null;
    }
}
