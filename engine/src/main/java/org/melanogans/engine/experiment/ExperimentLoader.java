package org.melanogans.engine.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

import org.melanogans.engine.UserException;

/**
 * Reads an experiment YAML file into a validated {@link Experiment}.
 *
 * <p>YAML is read safely ({@link SafeYaml}). Every mistake is a {@link UserException} of one line:
 * {@code <file>:<line>:<column>: <key.path>: <what is wrong>, <what is allowed>}; mistakes in an
 * override name {@code <file> (-Dgan.set <key>)} instead of a line.
 */
public final class ExperimentLoader {
    /** Classpath resource of the embedded quickstart experiment (a copy of experiments/quickstart.yaml). */
    public static final String EMBEDDED_RESOURCE = "/org/melanogans/engine/experiment/quickstart.yaml";

    /** Experiment files are a few kilobytes; one this large is the wrong file, refused before parsing it. */
    static final long MAX_BYTES = 1 << 20;

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
        if (Files.isDirectory(file)) {
            throw new UserException(display + ": is a folder, not an experiment file; pass -Dgan.experiment="
                    + display + "/<name>.yaml");
        }
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

    /** The text of the file (or embedded resource) {@code e} was loaded from. */
    public static String sourceText(Experiment e) {
        try {
            if (Files.isRegularFile(e.source())) {
                return Files.readString(e.source(), StandardCharsets.UTF_8);
            }
            try (InputStream in = ExperimentLoader.class.getResourceAsStream(e.source().toString().replace('\\', '/'))) {
                if (in == null) {
                    throw new UserException(e.source() + ": the experiment file is gone; restore it");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException ex) {
            throw new UserException(e.source() + ": cannot read the experiment file: " + ex.getMessage(), ex);
        }
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
        ConfigNode root = SafeYaml.parse(text, m -> display + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1),
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

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("\\.ya?ml$", "");
    }
}
