package org.melanogans.engine.experiment;

import java.io.StringReader;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.melanogans.engine.UserException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * YAML read safely into a {@link ConfigNode} tree, for experiment files and {@code -Dgan.set}
 * values alike: only the node tree is composed (nothing is instantiated), explicit tags other
 * than the standard scalar, list and map tags are refused, aliases are capped, and duplicate keys
 * are refused, each as a one-line {@link UserException} at its line.
 */
final class SafeYaml {
    /** More aliases than this in one document is an alias bomb, never a sensible experiment. */
    static final int MAX_ALIASES = 10;
    /** Deeper than this is not an experiment file (and guards against recursive aliases). */
    private static final int MAX_DEPTH = 20;
    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> STANDARD_TAGS =
            Set.of("str", "int", "float", "bool", "null", "seq", "map");

    private SafeYaml() {
    }

    /**
     * Parses YAML text safely into a {@link ConfigNode} tree.
     *
     * @param where      location text of a mark
     * @param emptyWhere location of an empty document
     * @param display    the file name, for errors that carry no mark
     */
    static ConfigNode parse(String text, Function<Mark, String> where, String emptyWhere, String display) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Yaml yaml = new Yaml(options);
        try {
            // Scan the events first: they carry explicit tags and aliases with their positions,
            // before the composer would expand an alias bomb.
            int aliases = 0;
            for (Event event : yaml.parse(new StringReader(text))) {
                String tag = event instanceof ScalarEvent s ? s.getTag()
                        : event instanceof CollectionStartEvent c ? c.getTag() : null;
                if (tag != null && !"!".equals(tag) && !(tag.startsWith(STANDARD_TAG_PREFIX)
                        && STANDARD_TAGS.contains(tag.substring(STANDARD_TAG_PREFIX.length())))) {
                    throw new UserException(where.apply(event.getStartMark()) + ": tags are not "
                            + "allowed (found " + shortTag(tag) + "), write plain values");
                }
                if (event instanceof AliasEvent && ++aliases > MAX_ALIASES) {
                    throw new UserException(where.apply(event.getStartMark()) + ": too many aliases "
                            + "(more than " + MAX_ALIASES + "), write the values out instead");
                }
            }
            Node node = yaml.compose(new StringReader(text));
            if (node == null) {
                return new ConfigNode.Scalar("null", "", emptyWhere);
            }
            return convert(node, "", where, new IdentityHashMap<>(), 0);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            String at = mark == null ? display : where.apply(mark);
            throw new UserException(at + ": " + oneLine(problem), e);
        } catch (YAMLException e) {
            throw new UserException(display + ": " + oneLine(e.getMessage()), e);
        }
    }

    private static ConfigNode convert(Node node, String path, Function<Mark, String> where,
                                      Map<Node, Boolean> open, int depth) {
        String at = where.apply(node.getStartMark());
        if (depth > MAX_DEPTH || open.containsKey(node)) {
            throw new UserException(at + ": " + label(path) + "nesting is too deep or recursive, "
                    + "experiment files are at most a few levels deep");
        }
        open.put(node, Boolean.TRUE);
        try {
            if (node instanceof ScalarNode s) {
                String tag = s.getTag().getValue();
                if (tag.startsWith(STANDARD_TAG_PREFIX)) {
                    tag = tag.substring(STANDARD_TAG_PREFIX.length());
                }
                return new ConfigNode.Scalar(tag, s.getValue(), at);
            }
            if (node instanceof SequenceNode s) {
                ConfigNode.Sequence seq = new ConfigNode.Sequence(at);
                List<Node> items = s.getValue();
                for (int i = 0; i < items.size(); i++) {
                    seq.items().add(convert(items.get(i), join(path, String.valueOf(i)), where, open, depth + 1));
                }
                return seq;
            }
            MappingNode m = (MappingNode) node;
            ConfigNode.Mapping map = new ConfigNode.Mapping(at);
            for (NodeTuple tuple : m.getValue()) {
                String keyAt = where.apply(tuple.getKeyNode().getStartMark());
                if (!(tuple.getKeyNode() instanceof ScalarNode k)) {
                    throw new UserException(keyAt + ": " + label(path) + "keys must be plain words, "
                            + "not lists or maps");
                }
                String key = k.getValue();
                if (map.entries().containsKey(key)) {
                    throw new UserException(keyAt + ": " + join(path, key) + ": duplicate key (first at "
                            + map.keyWhere().get(key) + "), give each key once");
                }
                map.put(key, keyAt, convert(tuple.getValueNode(), join(path, key), where, open, depth + 1));
            }
            return map;
        } finally {
            open.remove(node);
        }
    }

    private static String shortTag(String tag) {
        return tag.startsWith(STANDARD_TAG_PREFIX) ? "!!" + tag.substring(STANDARD_TAG_PREFIX.length()) : tag;
    }

    private static String oneLine(String s) {
        return s == null ? "invalid YAML" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String label(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }
}
