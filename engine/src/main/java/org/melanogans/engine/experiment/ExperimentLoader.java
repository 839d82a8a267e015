package org.melanogans.engine.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
 * Reads an experiment YAML file into a validated {@link Experiment}.
 *
 * <p>YAML is read safely: only the node tree is composed (nothing is instantiated), explicit tags
 * other than the standard scalar, list and map tags are refused, aliases are capped, and
 * duplicate keys are refused. Every mistake is a {@link UserException} of one line:
 * {@code <file>:<line>:<column>: <key.path>: <what is wrong>, <what is allowed>}; mistakes in an
 * override name {@code <file> (-Dgan.set <key>)} instead of a line.
 */
public final class ExperimentLoader {
    /** Classpath resource of the embedded quickstart experiment (a copy of experiments/quickstart.yaml). */
    public static final String EMBEDDED_RESOURCE = "/org/melanogans/engine/experiment/quickstart.yaml";

    /** Experiment files are a few kilobytes; one this large is the wrong file, refused before parsing it. */
    static final long MAX_BYTES = 1 << 20;
    /** More aliases than this in one document is an alias bomb, never a sensible experiment. */
    static final int MAX_ALIASES = 10;
    /** Deeper than this is not an experiment file (and guards against recursive aliases). */
    private static final int MAX_DEPTH = 20;
    private static final String STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<String> STANDARD_TAGS =
            Set.of("str", "int", "float", "bool", "null", "seq", "map");

    private ExperimentLoader() {
    }

    /**
     * Loads, overrides and validates an experiment file.
     *
     * @param yamlFile  the experiment file; relative paths resolve against {@code baseDir}
     * @param baseDir   the project directory: relative paths in the file resolve against it
     * @param overrides {@code key.path -> YAML value} (see {@link #parseOverrides}), applied in
     *                  map order before validation; may be null
     * @param env       environment variables (ISIC2017_DIR); may be null
     */
    public static Experiment load(Path yamlFile, Path baseDir, Map<String, String> overrides,
                                  Map<String, String> env) {
        Path base = baseDir.toAbsolutePath().normalize();
        Path file = base.resolve(yamlFile).normalize();
        String display = file.startsWith(base) ? base.relativize(file).toString() : file.toString();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UserException(display + ": " + size + " bytes is far larger than any experiment file (at most "
                        + MAX_BYTES + "); point -Dgan.experiment at an experiment YAML");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException(display + ": experiment file not found; pass an existing file "
                    + "with -Dgan.experiment or create it (see experiments/quickstart.yaml)");
        } catch (IOException e) {
            throw new UserException(display + ": cannot read the experiment file: " + e.getMessage(), e);
        }
        return build(text, display, file, stem(file), base, overrides, env);
    }

    /**
     * Loads the embedded quickstart experiment (identical to experiments/quickstart.yaml), for
     * projects that have no experiment file. Its {@link Experiment#source()} is
     * {@link #EMBEDDED_RESOURCE} as a path.
     */
    public static Experiment loadEmbeddedDefault(Path baseDir, Map<String, String> overrides,
                                                 Map<String, String> env) {
        String text;
        try (InputStream in = ExperimentLoader.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + EMBEDDED_RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read classpath resource " + EMBEDDED_RESOURCE, e);
        }
        return build(text, "embedded quickstart.yaml", Path.of(EMBEDDED_RESOURCE), "quickstart",
                baseDir.toAbsolutePath().normalize(), overrides, env);
    }

    /**
     * Parses the {@code -Dgan.set} value {@code a.b=value,c.d=value} into an ordered map (see
     * {@link Overrides#parse}).
     */
    public static Map<String, String> parseOverrides(String spec) {
        return Overrides.parse(spec);
    }

    private static Experiment build(String text, String display, Path source, String stem, Path base,
                                    Map<String, String> overrides, Map<String, String> env) {
        ConfigNode root = parse(text, m -> display + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1),
                display + ":1:1", display);
        if (root instanceof ConfigNode.Scalar s && "null".equals(s.tag())) {
            root = new ConfigNode.Mapping(display + ":1:1");   // an empty file: report missing keys
        }
        if (!(root instanceof ConfigNode.Mapping mapping)) {
            throw new UserException(root.where() + ": the file must be a map of keys (name, seed, "
                    + "data, train, models, sample, usecase, report), got " + root.describe());
        }
        if (overrides != null) {
            overrides.forEach((key, value) -> Overrides.apply(mapping, key, value, display));
        }
        return new ExperimentValidator(display, source, stem, base, env == null ? Map.of() : env)
                .experiment(mapping);
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

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("\\.ya?ml$", "");
    }
}
