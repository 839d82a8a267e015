package org.melanogans.engine.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiment file as a tree that remembers where every value came from, so overrides can be
 * applied before validation and every error can still name a file:line:column or override key.
 */
sealed interface ConfigNode {
    /** Where the value was written: {@code file:line:column} or {@code file (-Dgan.set key)}. */
    String where();

    /** A human name of the node's kind, for "got ..." messages. */
    String describe();

    /** A scalar; {@code tag} is the resolved YAML tag suffix (str, int, float, bool, null, ...). */
    record Scalar(String tag, String text, String where) implements ConfigNode {
        @Override
        public String describe() {
            // escaped so that error messages stay on one line
            return "null".equals(tag) ? "null"
                    : "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\"";
        }
    }

    /** A mapping with its keys in file order; each key keeps its own location. */
    record Mapping(Map<String, ConfigNode> entries, Map<String, String> keyWhere, String where)
            implements ConfigNode {
        Mapping(String where) {
            this(new LinkedHashMap<>(), new LinkedHashMap<>(), where);
        }

        void put(String key, String keyLocation, ConfigNode value) {
            entries.put(key, value);
            keyWhere.put(key, keyLocation);
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    record Sequence(List<ConfigNode> items, String where) implements ConfigNode {
        Sequence(String where) {
            this(new ArrayList<>(), where);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}
