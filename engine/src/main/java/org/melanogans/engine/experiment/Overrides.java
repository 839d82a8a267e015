package org.melanogans.engine.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.melanogans.engine.UserException;

/**
 * The {@code -Dgan.set} overrides: parsed from {@code a.b=value,c.d=value} and set into an
 * experiment's tree before it is validated, so an override is checked like the file's own keys.
 */
final class Overrides {
    private static final Pattern OVERRIDE_KEY = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");
    private static final String OVERRIDE_EXAMPLE =
            "-Dgan.set=train.epochs=2,data.classes=[melanoma,nevus]";

    private Overrides() {
    }

    /**
     * Parses the {@code -Dgan.set} value {@code a.b=value,c.d=value} into an ordered map. Values
     * are YAML scalars or flow collections; commas inside {@code [..]}, {@code {..}} or quotes do
     * not split. Null or blank gives an empty map.
     *
     * @throws UserException naming {@code gan.set} when the spec is malformed
     */
    static Map<String, String> parse(String spec) {
        Map<String, String> result = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return result;
        }
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i <= spec.length(); i++) {
            char c = i < spec.length() ? spec.charAt(i) : ',';
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                if (i == spec.length()) {
                    throw new UserException("-Dgan.set: unclosed quote in \"" + spec + "\"; write "
                            + OVERRIDE_EXAMPLE);
                }
                continue;
            }
            switch (c) {
                case '\'', '"' -> quote = c;
                case '[', '{' -> depth++;
                case ']', '}' -> {
                    if (--depth < 0) {
                        throw new UserException("-Dgan.set: unbalanced '" + c + "' in \"" + spec
                                + "\"; write " + OVERRIDE_EXAMPLE);
                    }
                }
                case ',' -> {
                    if (depth == 0) {
                        add(result, spec.substring(start, i), spec);
                        start = i + 1;
                    }
                }
                default -> {
                }
            }
        }
        if (depth != 0) {
            throw new UserException("-Dgan.set: unclosed '[' or '{' in \"" + spec + "\"; write "
                    + OVERRIDE_EXAMPLE);
        }
        return result;
    }

    private static void add(Map<String, String> result, String item, String spec) {
        int eq = item.indexOf('=');
        String key = eq < 0 ? "" : item.substring(0, eq).trim();
        if (eq < 0) {
            throw new UserException("-Dgan.set: \"" + item.trim() + "\" in \"" + spec
                    + "\" is not key=value; write " + OVERRIDE_EXAMPLE);
        }
        if (!OVERRIDE_KEY.matcher(key).matches()) {
            throw new UserException("-Dgan.set: the key \"" + key + "\" in \"" + spec + "\" is not a dotted path of"
                    + " ASCII letters, digits and '_' (such as train.epochs); write " + OVERRIDE_EXAMPLE);
        }
        if (result.containsKey(key)) {
            throw new UserException("-Dgan.set: key " + key + " is given twice in \"" + spec
                    + "\"; give each key once");
        }
        result.put(key, item.substring(eq + 1).trim());
    }

    /** Sets one override into the tree, creating intermediate maps; list elements by index. */
    static void apply(ConfigNode.Mapping root, String key, String value, String display) {
        String where = display + " (-Dgan.set " + key + ")";
        if (!OVERRIDE_KEY.matcher(key).matches()) {
            throw new UserException(where + ": not a dotted key; write " + OVERRIDE_EXAMPLE);
        }
        ConfigNode node = SafeYaml.parse(value, m -> where, where, where);
        String[] segments = key.split("\\.");
        ConfigNode current = root;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            String parentPath = path.length() == 0 ? "the top level" : path.toString();
            path.append(path.length() == 0 ? "" : ".").append(seg);
            if (current instanceof ConfigNode.Mapping m) {
                ConfigNode child = m.entries().get(seg);
                if (last) {
                    m.put(seg, where, node);
                } else if (child == null) {
                    child = new ConfigNode.Mapping(where);
                    m.put(seg, where, child);
                }
                current = child;
            } else if (current instanceof ConfigNode.Sequence s) {
                int index = seg.chars().allMatch(Character::isDigit) && seg.length() < 6
                        ? Integer.parseInt(seg) : -1;
                if (index < 0 || index > s.items().size()) {
                    throw new UserException(where + ": " + path + ": no such list element, "
                            + parentPath + " has " + s.items().size()
                            + " element(s): use an index from 0 to " + s.items().size());
                }
                ConfigNode child = index < s.items().size() ? s.items().get(index) : null;
                if (last) {
                    if (child == null) {
                        s.items().add(node);
                    } else {
                        s.items().set(index, node);
                    }
                } else if (child == null) {
                    child = new ConfigNode.Mapping(where);
                    s.items().add(child);
                }
                current = child;
            } else {
                throw new UserException(where + ": " + parentPath + " is a single value ("
                        + current.describe() + "), it has no key " + seg);
            }
        }
    }
}
