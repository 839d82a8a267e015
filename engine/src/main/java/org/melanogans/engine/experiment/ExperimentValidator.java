package org.melanogans.engine.experiment;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.ClassifierRecipe.ClassWeights;
import org.melanogans.engine.experiment.ClassifierRecipe.ImageTransform;
import org.melanogans.engine.experiment.ClassifierRecipe.LearningRateSchedule;
import org.melanogans.engine.tf.CpuFeatures;

/**
 * Turns the (overridden) config tree into the typed records: the schema (keys, types, ranges,
 * defaults from {@link Defaults}) and, in {@link #crossChecks}, every check that spans fields.
 */
final class ExperimentValidator {
    private static final Pattern EXPERIMENT_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private final String display;
    private final Path source;
    private final String stem;
    private final Path base;
    private final Map<String, String> env;

    ExperimentValidator(String display, Path source, String stem, Path base, Map<String, String> env) {
        this.display = display;
        this.source = source;
        this.stem = stem;
        this.base = base;
        this.env = env;
    }

    Experiment experiment(ConfigNode.Mapping root) {
        Section top = new Section(root, "", "name", "seed", "seeds", "device", "data", "train", "models", "sample",
                "metrics", "usecase", "report");
        String name = top.has("name") ? top.string("name", null, EXPERIMENT_NAME,
                "a name that starts with a lower-case letter or digit, then lower-case letters, digits, '.', '_' or"
                        + " '-'") : defaultName();
        long seed = top.longValue("seed", Defaults.SEED);
        List<Long> seeds = top.seeds("seeds", List.of(seed));
        Device device = top.choice("device", Defaults.DEVICE, Device.values());
        DataConfig data = data(top.section("data", true, "format", "path", "images", "labels", "classes",
                "resolution", "crop", "limit", "generated"));
        TrainConfig train = train(top.section("train", true, "epochs", "batch", "learning_rate", "beta1",
                "beta2", "log_every", "intra_op_threads", "inter_op_threads", "bfloat16"));
        List<ModelConfig> models = models(top, top.has("usecase"));
        SampleConfig sample = sample(top.section("sample", false, "count", "grid"));
        Section m = top.section("metrics", false, "swd_patches", "swd_directions", "swd_repeats", "ms_ssim_pairs");
        MetricsConfig metrics = new MetricsConfig(
                m.integer("swd_patches", Defaults.SWD_PATCHES, v -> v >= 1, "an integer >= 1"),
                m.integer("swd_directions", Defaults.SWD_DIRECTIONS, v -> v >= 1, "an integer >= 1"),
                m.integer("swd_repeats", Defaults.SWD_REPEATS, v -> v >= 1, "an integer >= 1"),
                m.integer("ms_ssim_pairs", Defaults.MS_SSIM_PAIRS, v -> v >= 1, "an integer >= 1"));
        UsecaseConfig usecase = top.has("usecase") ? usecase(top.section("usecase", true, "pool", "gans", "seeds",
                "training_fraction", "retained_melanoma", "gan_steps", "classifier"), models, data.resolution()) : null;
        ReportConfig report = report(top.section("report", false, "bands", "paper"), models, usecase);
        return crossChecks(top, new Experiment(name, source, seed, seeds, device, data, train, models, sample, metrics,
                usecase, report));
    }

    private String defaultName() {
        if (!EXPERIMENT_NAME.matcher(stem).matches()) {
            throw new UserException(display + ":1:1: name: the file name \"" + stem + "\" is not a "
                    + "valid experiment name, add name: with lower-case letters, digits, '.', '_' or '-'");
        }
        return stem;
    }

    private DataConfig data(Section s) {
        DataFormat format = s.choice("format", null, DataFormat.values());
        String path = s.optionalString("path");
        String images = s.string("images", Defaults.IMAGES, null, "a folder name");
        String labels = s.string("labels", Defaults.LABELS, null, "a file name");
        Set<LesionClass> classes = s.classes("classes");
        int resolution = s.integer("resolution", null, ExperimentValidator::powerOfTwo16to512,
                "a power of two from 16 to 512");
        CropMode crop = s.choice("crop", Defaults.CROP, CropMode.values());
        int limit = s.integer("limit", Defaults.LIMIT, v -> v >= 0, "an integer >= 0");
        Section g = s.section("generated", false, "count", "size", "hairs", "seed");
        GeneratedConfig generated = new GeneratedConfig(
                g.integer("count", Defaults.GENERATED_COUNT, v -> v >= 3, "an integer >= 3"),
                g.integer("size", Defaults.GENERATED_SIZE, v -> v >= 32 && v <= 1024 && Long.bitCount(v) == 1,
                        "a power of two from 32 to 1024"),
                g.bool("hairs", Defaults.GENERATED_HAIRS),
                g.longValue("seed", Defaults.GENERATED_SEED));
        Path resolved = path == null ? null : resolvePath(path, s.whereOf("path"), "data.path");
        return new DataConfig(format, resolved, images, labels, classes, resolution, crop, limit, generated);
    }

    private static boolean powerOfTwo16to512(long v) {
        return v >= 16 && v <= 512 && Long.bitCount(v) == 1;
    }

    private TrainConfig train(Section s) {
        return new TrainConfig(
                s.integer("epochs", null, v -> v >= 1, "an integer >= 1"),
                s.integer("batch", Defaults.BATCH, v -> v >= 1, "an integer >= 1"),
                s.number("learning_rate", Defaults.LEARNING_RATE, v -> v > 0, "a number > 0"),
                s.number("beta1", Defaults.BETA1, v -> v >= 0 && v < 1, "a number >= 0 and < 1"),
                s.number("beta2", Defaults.BETA2, v -> v >= 0 && v < 1, "a number >= 0 and < 1"),
                s.integer("log_every", Defaults.LOG_EVERY, v -> v >= 1, "an integer >= 1"),
                s.integer("intra_op_threads", Defaults.INTRA_OP_THREADS, v -> v >= 0,
                        "an integer >= 0 (0 = all cores)"),
                s.integer("inter_op_threads", Defaults.INTER_OP_THREADS, v -> v >= 0,
                        "an integer >= 0 (0 = all cores)"),
                s.boolOrAuto("bfloat16", Defaults.BFLOAT16, CpuFeatures.detect()::bfloat16));
    }

    /** The models; with a use-case stage there may be none (an experiment of its classifiers alone). */
    private List<ModelConfig> models(Section top, boolean usecase) {
        if (usecase && !top.has("models")) {
            return List.of();
        }
        ConfigNode node = top.require("models", "a non-empty list of models (each with type:)");
        if (usecase && node instanceof ConfigNode.Sequence seq && seq.items().isEmpty()) {
            return List.of();
        }
        if (!(node instanceof ConfigNode.Sequence seq) || seq.items().isEmpty()) {
            throw fail(node, "models", "must be a non-empty list of models (each with type:), got "
                    + (node instanceof ConfigNode.Sequence ? "an empty list" : node.describe()));
        }
        List<ModelConfig> models = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            ConfigNode item = seq.items().get(i);
            String path = "models." + i;
            if (!(item instanceof ConfigNode.Mapping m)) {
                throw fail(item, path, "must be a map with keys name, type, z_dim, base_channels, ..., got "
                        + item.describe());
            }
            Section s = new Section(m, path, "name", "type", "z_dim", "base_channels", "levels", "depth",
                    "refine_channels", "upsample", "training", "augment");
            ModelType type = s.choice("type", null, ModelType.values());
            String name = s.string("name", YamlNames.of(type), MODEL_NAME,
                    "a name that starts with a lower-case letter or digit, then lower-case letters, digits, '_' or"
                            + " '-'");
            int baseChannels = s.integer("base_channels", Defaults.BASE_CHANNELS, v -> v >= 1, "an integer >= 1");
            rejectUnused(s, type);
            PyramidConfig pyramid = new PyramidConfig(
                    s.integer("levels", Defaults.LEVELS, v -> v >= 2 && v <= 6, "an integer from 2 to 6"),
                    s.integer("depth", Defaults.DEPTH, v -> v >= 2 && v <= 16, "an integer from 2 to 16"),
                    s.integer("refine_channels", baseChannels, v -> v >= 1, "an integer >= 1"),
                    s.choice("upsample", Defaults.UPSAMPLE, Upsampling.values()),
                    s.choice("training", Defaults.LEVEL_TRAINING, LevelTraining.values()));
            Set<Augmentation> augment = s.enumSet("augment", Augmentation.class, YamlNames::of, Set.of(), true);
            models.add(new ModelConfig(name, type,
                    s.integer("z_dim", Defaults.Z_DIM, v -> v >= 1, "an integer >= 1"), baseChannels, pyramid,
                    augment));
        }
        return models;
    }

    private UsecaseConfig usecase(Section s, List<ModelConfig> models, int dataResolution) {
        MelanomaPool pool = s.choice("pool", null, MelanomaPool.values());
        List<String> names = models.stream().map(ModelConfig::name).toList();
        List<String> gans = new ArrayList<>();
        ConfigNode.Sequence gansNode = s.list("gans", "a list of model names from models:");
        if (gansNode != null) {
            for (int i = 0; i < gansNode.items().size(); i++) {
                ConfigNode item = gansNode.items().get(i);
                String path = s.key("gans") + "." + i;
                if (!(item instanceof ConfigNode.Scalar name) || !names.contains(name.text())) {
                    throw fail(item, path, "must name a model under models: (" + String.join(", ", names)
                            + "), got " + item.describe());
                }
                if (gans.contains(name.text())) {
                    throw fail(item, path, "duplicate GAN " + item.describe() + ", list each model once");
                }
                gans.add(name.text());
            }
        }
        List<Long> seeds = s.seeds("seeds", Defaults.USECASE_SEEDS);
        Section c = s.section("classifier", false, "depth", "resolution", "epochs", "batch", "optimizer",
                "learning_rate", "weights", "class_weights", "augment", "schedule", "test_time_augment");
        int depth = c.integer("depth", Defaults.CLASSIFIER_DEPTH, v -> v == 18 || v == 50, "18 or 50");
        String weights = c.optionalString("weights");
        if (weights != null && depth != 50) {
            throw fail(c.map.entries().get("weights"), c.key("weights"), "the Keras ImageNet weights are for "
                    + "ResNet-50: set depth: 50, or remove weights to train ResNet-" + depth + " from scratch");
        }
        ClassifierRecipe recipe = new ClassifierRecipe(
                c.choice("class_weights", ClassifierRecipe.PLAIN.classWeights(), ClassWeights.values()),
                c.enumSet("augment", ImageTransform.class, YamlNames::of, ClassifierRecipe.PLAIN.augment(), true),
                c.choice("schedule", ClassifierRecipe.PLAIN.schedule(), LearningRateSchedule.values()),
                c.bool("test_time_augment", ClassifierRecipe.PLAIN.testTimeAugment()));
        if (recipe.testTimeAugment() && !recipe.augment().contains(ImageTransform.FLIPS)
                && !recipe.augment().contains(ImageTransform.ROTATIONS)) {
            throw fail(c.map.entries().get("test_time_augment"), c.key("test_time_augment"), "averages over the"
                    + " flips or rotations the classifier trains with; add flips or rotations to augment, or set it"
                    + " to false");
        }
        ClassifierConfig classifier = new ClassifierConfig(depth,
                // never above the data's side: the classifier would only see upscaled pixels, at a higher cost
                c.integer("resolution", Math.min(Defaults.CLASSIFIER_RESOLUTION, dataResolution),
                        v -> v >= ClassifierConfig.MIN_RESOLUTION && v <= dataResolution, "an integer from "
                                + ClassifierConfig.MIN_RESOLUTION + " to data.resolution ("
                                + dataResolution + ")"),
                c.integer("epochs", Defaults.CLASSIFIER_EPOCHS, v -> v >= 1, "an integer >= 1"),
                c.integer("batch", Defaults.CLASSIFIER_BATCH, v -> v >= 2, "an integer >= 2"),
                c.choice("optimizer", Defaults.CLASSIFIER_OPTIMIZER, ClassifierOptimizer.values()),
                c.number("learning_rate", Defaults.CLASSIFIER_LEARNING_RATE, v -> v > 0, "a number > 0"),
                weights == null ? null : resolvePath(weights, c.whereOf("weights"), c.key("weights")), recipe);
        return new UsecaseConfig(classifier,
                s.number("training_fraction", Defaults.TRAINING_FRACTION, v -> v > 0 && v < 1,
                        "a number between 0 and 1 (exclusive)"),
                s.integer("retained_melanoma", Defaults.RETAINED_MELANOMA, v -> v >= 1, "an integer >= 1"),
                pool, gans, s.integer("gan_steps", Defaults.USECASE_GAN_STEPS, v -> v >= 1, "an integer >= 1"),
                seeds);
    }

    /**
     * {@code report:} the paper's values ({@code paper.models.<model>.<metric>},
     * {@code paper.usecase.<set>.<figure>}) and bands ({@code bands.<metric>: {ratio: f} | {absolute: a}}).
     * Every name must exist: a misspelt model, set or metric would otherwise compare nothing.
     */
    private ReportConfig report(Section s, List<ModelConfig> models, UsecaseConfig usecase) {
        Map<String, Band> bands = new LinkedHashMap<>(Defaults.BANDS);
        String[] metrics = Defaults.BANDS.keySet().toArray(new String[0]);
        Section b = s.section("bands", false, metrics);
        for (String metric : b.map.entries().keySet()) {
            Section band = b.section(metric, true, "ratio", "absolute");
            if (band.has("ratio") == band.has("absolute")) {
                throw fail(b.map.entries().get(metric), b.key(metric), "must be {ratio: factor > 1} or "
                        + "{absolute: amount >= 0}, exactly one of them");
            }
            bands.put(metric, band.has("ratio")
                    ? Band.ratio(band.number("ratio", 2, v -> v > 1, "a number > 1"))
                    : Band.absolute(band.number("absolute", 0, v -> v >= 0, "a number >= 0")));
        }
        Section paper = s.section("paper", false, "models", "usecase");
        Map<String, Map<String, Double>> paperModels = paperValues(paper.section("models", false,
                models.stream().map(ModelConfig::name).toArray(String[]::new)), "emd", "js_divergence", "js_distance");
        List<String> sets = new ArrayList<>(List.of("b-full", "b-imb"));
        if (usecase != null) {
            usecase.gans().forEach(gan -> sets.add("b-imb+" + gan));
        }
        Map<String, Map<String, Double>> paperUsecase = paperValues(paper.section("usecase", false,
                sets.toArray(String[]::new)), "training_accuracy", "validation_accuracy",
                "validation_balanced_accuracy", "validation_melanoma_recall", "validation_melanoma_auc");
        if (!paperUsecase.isEmpty() && usecase == null) {
            throw fail(paper.map.entries().get("usecase"), paper.key("usecase"), "the experiment has no usecase:"
                    + " section to compare with; remove report.paper.usecase or add the stage");
        }
        return new ReportConfig(bands, paperModels, paperUsecase);
    }

    private Map<String, Map<String, Double>> paperValues(Section subjects, String... metrics) {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        for (String subject : subjects.map.entries().keySet()) {
            Section m = subjects.section(subject, true, metrics);
            Map<String, Double> figures = new LinkedHashMap<>();
            for (String metric : m.map.entries().keySet()) {
                figures.put(metric, m.number(metric, 0, v -> v >= 0, "a number >= 0"));
            }
            values.put(subject, figures);
        }
        return values;
    }

    /** A key that the model type ignores is a mistake worth pointing at, not a silent no-op. */
    private void rejectUnused(Section s, ModelType type) {
        for (PyramidKey key : PyramidKey.values()) {
            if (s.has(key.yamlName()) && !type.keys().contains(key)) {
                List<String> takers = Arrays.stream(ModelType.values()).filter(t -> t.keys().contains(key))
                        .map(ModelType::yamlName).toList();
                throw fail(s.map.entries().get(key.yamlName()), s.key(key.yamlName()), "does not apply to type "
                        + type.yamlName() + " (only " + String.join(", ", takers) + (takers.size() == 1 ? " takes"
                        : " take") + " it); remove it");
            }
        }
    }

    private SampleConfig sample(Section s) {
        return new SampleConfig(
                s.integer("count", Defaults.SAMPLE_COUNT, v -> v >= 1, "an integer >= 1"),
                s.integer("grid", Defaults.SAMPLE_GRID, v -> v >= 1, "an integer >= 1"));
    }

    /** Every check that involves more than one field, in one place. */
    private Experiment crossChecks(Section top, Experiment e) {
        SampleConfig sample = e.sample();
        if ((long) sample.grid() * sample.grid() > sample.count()) {
            // grid defaults to 8, so when it is not written the sample map (or file) is at fault
            Section s = top.section("sample", false, "count", "grid");
            throw new UserException(s.whereOf("grid") + ": sample.grid: must satisfy grid x grid <= "
                    + "sample.count (" + sample.count() + "), got " + sample.grid());
        }
        ConfigNode.Sequence models = (ConfigNode.Sequence) top.map.entries().get("models");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < e.models().size(); i++) {
            Integer first = seen.putIfAbsent(e.models().get(i).name(), i);
            if (first != null) {
                throw fail(models.items().get(i), "models." + i + ".name", "duplicate model name \""
                        + e.models().get(i).name() + "\" (also models." + first + "), give each model "
                        + "a unique name:");
            }
        }
        for (int i = 0; i < e.models().size(); i++) {
            ModelConfig m = e.models().get(i);
            int coarsest = m.pyramid().coarsestSide(e.data().resolution());
            if (m.type().multiScale() && coarsest < PyramidConfig.MIN_COARSEST_SIDE) {
                ConfigNode item = models.items().get(i);
                ConfigNode at = item instanceof ConfigNode.Mapping map && map.entries().containsKey("levels")
                        ? map.entries().get("levels") : item;
                throw fail(at, "models." + i + ".levels", "the coarsest level would be " + coarsest + " px (data."
                        + "resolution " + e.data().resolution() + " halved " + (m.pyramid().levels() - 1)
                        + " times); it must be at least " + PyramidConfig.MIN_COARSEST_SIDE
                        + " px: use fewer levels or a higher resolution, got " + m.pyramid().levels());
            }
        }
        DataConfig d = e.data();
        Path path = d.path();
        switch (d.format()) {
            case GENERATED -> path = null;   // the generator writes into the cache directory
            case ISIC2017 -> {
                String dir = env.get(Defaults.ISIC2017_DIR_ENV);
                if (path == null && dir != null && !dir.isBlank()) {
                    path = resolvePath(dir, display + " (environment ISIC2017_DIR)", "ISIC2017_DIR");
                }
            }
            case FOLDER -> {
                // a missing path is reported by whatever needs the images (GanEngine.requireDataPath),
                // so gan:check and gan:sample work without the data at hand
            }
        }
        if (path == d.path()) {
            return e;
        }
        DataConfig data = new DataConfig(d.format(), path, d.images(), d.labels(), d.classes(),
                d.resolution(), d.crop(), d.limit(), d.generated());
        return new Experiment(e.name(), e.source(), e.seed(), e.seeds(), e.device(), data, e.train(), e.models(), e.sample(),
                e.metrics(), e.usecase(), e.report());
    }

    private Path resolvePath(String text, String where, String key) {
        try {
            return base.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException ex) {
            throw new UserException(where + ": " + key + ": not a valid path (" + ex.getReason()
                    + "), got \"" + text + "\"");
        }
    }

    private static UserException fail(ConfigNode node, String path, String what) {
        return new UserException(node.where() + ": " + path + ": " + what);
    }

    /** One map of the schema: rejects unknown keys up front, then reads typed values. */
    private final class Section {
        final ConfigNode.Mapping map;
        final String path;

        Section(ConfigNode.Mapping map, String path, String... allowed) {
            this.map = map;
            this.path = path;
            List<String> keys = Arrays.asList(allowed);
            for (String key : map.entries().keySet()) {
                if (!keys.contains(key)) {
                    throw new UserException(map.keyWhere().get(key) + ": " + key(key)
                            + ": unknown key; allowed keys: " + String.join(", ", keys));
                }
            }
        }

        private String key(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        boolean has(String key) {
            return map.entries().containsKey(key);
        }

        String whereOf(String key) {
            ConfigNode node = map.entries().get(key);
            return node == null ? map.where() : node.where();
        }

        ConfigNode require(String key, String allowed) {
            ConfigNode node = map.entries().get(key);
            if (node == null) {
                throw new UserException(map.where() + ": " + key(key) + ": missing required key, must be "
                        + allowed);
            }
            return node;
        }

        /** A list that may be absent (null). */
        ConfigNode.Sequence list(String key, String allowed) {
            ConfigNode node = map.entries().get(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ConfigNode.Sequence seq)) {
                throw fail(node, key(key), "must be " + allowed + ", got " + node.describe());
            }
            return seq;
        }

        Section section(String key, boolean required, String... allowed) {
            ConfigNode node = required ? require(key, "a map") : map.entries().get(key);
            if (node == null) {
                return new Section(new ConfigNode.Mapping(map.where()), key(key), allowed);
            }
            if (!(node instanceof ConfigNode.Mapping m)) {
                throw fail(node, key(key), "must be a map with keys " + String.join(", ", allowed)
                        + ", got " + node.describe());
            }
            return new Section(m, key(key), allowed);
        }

        /** Reads a scalar; null default means the key is required. */
        private ConfigNode.Scalar scalar(String key, Object dflt, String allowed) {
            ConfigNode node = dflt == null ? require(key, allowed) : map.entries().get(key);
            if (node == null) {
                return null;
            }
            if (!(node instanceof ConfigNode.Scalar s) || "null".equals(s.tag())) {
                throw fail(node, key(key), "must be " + allowed + ", got " + node.describe());
            }
            return s;
        }

        int integer(String key, Integer dflt, LongPredicate ok, String allowed) {
            ConfigNode.Scalar s = scalar(key, dflt, allowed);
            if (s == null) {
                return dflt;
            }
            Long v = "int".equals(s.tag()) ? parseInt(s.text()) : null;
            if (v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE || !ok.test(v)) {
                throw fail(s, key(key), "must be " + allowed + ", got " + s.describe());
            }
            return v.intValue();
        }

        long longValue(String key, long dflt) {
            ConfigNode.Scalar s = scalar(key, dflt, "an integer");
            if (s == null) {
                return dflt;
            }
            Long v = "int".equals(s.tag()) ? parseInt(s.text()) : null;
            if (v == null) {
                throw fail(s, key(key), "must be an integer, got " + s.describe());
            }
            return v;
        }

        double number(String key, double dflt, DoublePredicate ok, String allowed) {
            ConfigNode.Scalar s = scalar(key, dflt, allowed);
            if (s == null) {
                return dflt;
            }
            Double v = null;
            if ("int".equals(s.tag())) {
                Long l = parseInt(s.text());
                v = l == null ? null : l.doubleValue();
            } else if ("float".equals(s.tag())) {
                try {
                    v = Double.parseDouble(s.text().replace("_", ""));
                } catch (NumberFormatException e) {
                    v = null;   // .inf, .nan, sexagesimal: never a sensible setting
                }
            }
            if (v == null || !Double.isFinite(v) || !ok.test(v)) {
                throw fail(s, key(key), "must be " + allowed + ", got " + s.describe());
            }
            return v;
        }

        boolean bool(String key, boolean dflt) {
            ConfigNode.Scalar s = scalar(key, dflt, "true or false");
            if (s == null) {
                return dflt;
            }
            // YAML 1.1 also reads yes/no/on/off as booleans; we accept only true and false.
            String t = s.text().toLowerCase(Locale.ROOT);
            if (!"bool".equals(s.tag()) || !(t.equals("true") || t.equals("false"))) {
                throw fail(s, key(key), "must be true or false, got " + s.describe());
            }
            return t.equals("true");
        }

        /** A list of 1 to {@link Defaults#MAX_SEEDS} distinct integers. */
        List<Long> seeds(String key, List<Long> dflt) {
            ConfigNode.Sequence node = list(key, "a non-empty list of integers");
            if (node == null) {
                return dflt;
            }
            if (node.items().isEmpty() || node.items().size() > Defaults.MAX_SEEDS) {
                throw fail(node, key(key), "must be a list of 1 to " + Defaults.MAX_SEEDS + " integers, got "
                        + node.items().size());
            }
            List<Long> seeds = new ArrayList<>();
            for (int i = 0; i < node.items().size(); i++) {
                ConfigNode item = node.items().get(i);
                Long v = item instanceof ConfigNode.Scalar sc && "int".equals(sc.tag()) ? parseInt(sc.text()) : null;
                if (v == null || seeds.contains(v)) {
                    throw fail(item, key(key) + "." + i, (v == null ? "must be an integer" : "duplicate seed")
                            + ", got " + item.describe());
                }
                seeds.add(v);
            }
            return List.copyOf(seeds);
        }

        /** true, false, or auto: decided by {@code auto} (on this machine; plans record the outcome). */
        boolean boolOrAuto(String key, boolean dflt, BooleanSupplier auto) {
            ConfigNode.Scalar s = scalar(key, dflt, "true, false or auto");
            if (s == null) {
                return dflt;
            }
            String t = s.text().toLowerCase(Locale.ROOT);
            if ("str".equals(s.tag()) && t.equals("auto")) {
                return auto.getAsBoolean();
            }
            if (!"bool".equals(s.tag()) || !(t.equals("true") || t.equals("false"))) {
                throw fail(s, key(key), "must be true, false or auto, got " + s.describe());
            }
            return t.equals("true");
        }

        String string(String key, String dflt, Pattern pattern, String allowed) {
            ConfigNode.Scalar s = scalar(key, dflt, allowed);
            if (s == null) {
                return dflt;
            }
            if (s.text().isBlank() || (pattern != null && !pattern.matcher(s.text()).matches())) {
                throw fail(s, key(key), "must be " + allowed + ", got " + s.describe());
            }
            return s.text();
        }

        /** A string that may be absent or null (null: not set). */
        String optionalString(String key) {
            ConfigNode node = map.entries().get(key);
            if (node instanceof ConfigNode.Scalar s && "null".equals(s.tag())) {
                return null;
            }
            return node == null ? null : string(key, "", null, "a path");
        }

        <E extends Enum<E>> E choice(String key, E dflt, E[] values) {
            String allowed = "one of " + Arrays.stream(values).map(YamlNames::of)
                    .collect(Collectors.joining(", "));
            ConfigNode.Scalar s = scalar(key, dflt, allowed);
            if (s == null) {
                return dflt;
            }
            for (E v : values) {
                if (YamlNames.of(v).equals(s.text())) {
                    return v;
                }
            }
            throw fail(s, key(key), "must be " + allowed + ", got " + s.describe());
        }

        Set<LesionClass> classes(String key) {
            return enumSet(key, LesionClass.class, LesionClass::yamlName, Defaults.CLASSES, false);
        }

        /** A list of distinct enum constants; absent: {@code dflt}. */
        <E extends Enum<E>> Set<E> enumSet(String key, Class<E> type, Function<E, String> yamlName, Collection<E> dflt,
                                           boolean emptyAllowed) {
            E[] values = type.getEnumConstants();
            String names = Arrays.stream(values).map(yamlName).collect(Collectors.joining(", "));
            String allowed = (emptyAllowed ? "a list of " : "a non-empty list of ") + names;
            ConfigNode node = map.entries().get(key);
            if (node == null) {
                return dflt.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(dflt);
            }
            if (!(node instanceof ConfigNode.Sequence seq) || (seq.items().isEmpty() && !emptyAllowed)) {
                throw fail(node, key(key), "must be " + allowed + ", got "
                        + (node instanceof ConfigNode.Sequence ? "an empty list" : node.describe()));
            }
            Set<E> result = EnumSet.noneOf(type);
            for (int i = 0; i < seq.items().size(); i++) {
                ConfigNode item = seq.items().get(i);
                E found = null;
                for (E c : values) {
                    if (item instanceof ConfigNode.Scalar s && yamlName.apply(c).equals(s.text())) {
                        found = c;
                    }
                }
                if (found == null) {
                    throw fail(item, key(key) + "." + i, "must be one of " + names + ", got " + item.describe());
                }
                if (!result.add(found)) {
                    throw fail(item, key(key) + "." + i, "duplicate " + item.describe() + ", list each once");
                }
            }
            return result;
        }
    }

    /** A YAML 1.1 integer (decimal, 0x hex, 0b binary, 0 octal, '_' separators), null if not one. */
    private static Long parseInt(String text) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("-") || t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        try {
            BigInteger v = new BigInteger(t, radix);
            v = negative ? v.negate() : v;
            return v.bitLength() < 64 ? v.longValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
