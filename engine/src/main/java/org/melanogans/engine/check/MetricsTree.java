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
}
