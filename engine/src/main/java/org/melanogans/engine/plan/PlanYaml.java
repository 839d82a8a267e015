package org.melanogans.engine.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.melanogans.engine.experiment.ClassifierConfig;
import org.melanogans.engine.experiment.ClassifierRecipe;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.Defaults;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.GeneratedConfig;
import org.melanogans.engine.experiment.LesionClass;
import org.melanogans.engine.experiment.MetricsConfig;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.experiment.UsecaseConfig;
import org.melanogans.engine.experiment.YamlNames;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The resolved plan of an experiment as canonical YAML: the experiment file's own keys, every
 * default filled in, absolute paths, enums in lower case, keys in schema order. The plan can be
 * read back by {@code ExperimentLoader}; its hash identifies what a run computes, so resuming
 * can refuse a changed plan.
 */
public final class PlanYaml {
    /**
     * Keys that do not change results, left out of the hash so that changing them never blocks a
     * resume: only logging. Thread counts are hashed: a different count changes the order of
     * TensorFlow's reductions, and a run resumed with 1 thread instead of 2 was measured to end at
     * another EMD. The source path is not a key of the plan at all.
     */
    public static final Set<String> NOT_HASHED = Set.of("train.log_every");

    private PlanYaml() {
    }

    /** The canonical plan, with a comment header naming the experiment's source file. */
    public static String write(Experiment e) {
        return "# Resolved plan of experiment " + e.name() + ", read from " + e.source() + ".\n"
                + "# Every default is filled in. Edit the experiment file, not this one.\n"
                + dump(tree(e, true));
    }

    /** SHA-256 (lower-case hex) of the canonical plan without {@link #NOT_HASHED} and the source. */
    public static String hash(Experiment e) {
        return sha256(dump(tree(e, false)));
    }

    /**
     * The plan's hash without where the data lies ({@code data.path}): shards of one run on
     * machines that hold the same images in other folders have the same portable hash (the
     * images themselves are compared by their dataset hash).
     */
    public static String portableHash(Experiment e) {
        Map<String, Object> tree = tree(e, false);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) tree.get("data");
        data.remove("path");
        return sha256(dump(tree));
    }

    /**
     * The hash of what one model's figures depend on: the plan with only that model and without the
     * use-case stage. Equal hashes in two runs mean the model was trained and scored the same way,
     * so its result can stand in for the other's.
     */
    public static String modelHash(Experiment e, ModelConfig model) {
        Map<String, Object> tree = tree(e, false);
        tree.put("models", List.of(model(model)));
        tree.remove("usecase");
        return sha256(dump(tree));
    }

    /** SHA-256 of a text's UTF-8 bytes, lower-case hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    private static Map<String, Object> tree(Experiment e, boolean all) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", e.name());
        root.put("seed", e.seed());
        // only when it says more than the seed: plans of single-seed experiments stay as they were,
        // so their runs still resume and their results still carry over
        if (!e.seeds().equals(List.of(e.seed()))) {
            root.put("seeds", e.seeds());
        }
        // likewise only off the default: CPU plans keep their hashes, a GPU plan hashes differently
        if (e.device() != Defaults.DEVICE) {
            root.put("device", YamlNames.of(e.device()));
        }

        DataConfig d = e.data();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", lower(d.format()));
        if (d.path() != null) {
            data.put("path", d.path().toAbsolutePath().normalize().toString());
        }
        data.put("images", d.images());
        data.put("labels", d.labels());
        // Set order is unspecified: the canonical order is the enum's
        data.put("classes", d.classes().stream().sorted().map(LesionClass::yamlName).toList());
        data.put("resolution", d.resolution());
        data.put("crop", lower(d.crop()));
        data.put("limit", d.limit());
        GeneratedConfig g = d.generated();
        Map<String, Object> generated = new LinkedHashMap<>();
        generated.put("count", g.count());
        generated.put("size", g.size());
        generated.put("hairs", g.hairs());
        generated.put("seed", g.seed());
        data.put("generated", generated);
        root.put("data", data);

        TrainConfig t = e.train();
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("epochs", t.epochs());
        train.put("batch", t.batch());
        train.put("learning_rate", t.learningRate());
        train.put("beta1", t.beta1());
        train.put("beta2", t.beta2());
        train.put("log_every", t.logEvery());
        train.put("intra_op_threads", t.intraOpThreads());
        train.put("inter_op_threads", t.interOpThreads());
        train.put("bfloat16", t.bfloat16());
        if (!all) {
            NOT_HASHED.forEach(key -> train.remove(key.substring("train.".length())));
        }
        root.put("train", train);

        List<Map<String, Object>> models = e.models().stream().map(PlanYaml::model).toList();
        root.put("models", models);

        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("count", e.sample().count());
        sample.put("grid", e.sample().grid());
        root.put("sample", sample);
        MetricsConfig m = e.metrics();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("swd_patches", m.swdPatches());
        metrics.put("swd_directions", m.swdDirections());
        metrics.put("swd_repeats", m.swdRepeats());
        metrics.put("ms_ssim_pairs", m.msSsimPairs());
        root.put("metrics", metrics);
        if (e.usecase() != null) {
            root.put("usecase", usecase(e.usecase()));
        }
        return root;
    }

    private static Map<String, Object> usecase(UsecaseConfig u) {
        Map<String, Object> usecase = new LinkedHashMap<>();
        usecase.put("pool", lower(u.pool()));
        usecase.put("gans", u.gans());
        usecase.put("seeds", u.seeds());
        usecase.put("training_fraction", u.trainingFraction());
        usecase.put("retained_melanoma", u.retainedMelanoma());
        usecase.put("gan_steps", u.ganSteps());
        ClassifierConfig c = u.classifier();
        Map<String, Object> classifier = new LinkedHashMap<>();
        classifier.put("depth", c.depth());
        classifier.put("resolution", c.resolution());
        classifier.put("epochs", c.epochs());
        classifier.put("batch", c.batch());
        classifier.put("optimizer", lower(c.optimizer()));
        classifier.put("learning_rate", c.learningRate());
        classifier.put("weights", c.weights() == null ? null : c.weights().toString());
        // the recipe's keys only off the plain recipe: earlier plans keep their hashes
        ClassifierRecipe r = c.recipe();
        ClassifierRecipe plain = ClassifierRecipe.PLAIN;
        if (r.classWeights() != plain.classWeights()) {
            classifier.put("class_weights", lower(r.classWeights()));
        }
        if (!r.augment().equals(plain.augment())) {
            classifier.put("augment", r.augment().stream().map(PlanYaml::lower).toList());
        }
        if (r.schedule() != plain.schedule()) {
            classifier.put("schedule", lower(r.schedule()));
        }
        if (r.testTimeAugment() != plain.testTimeAugment()) {
            classifier.put("test_time_augment", r.testTimeAugment());
        }
        usecase.put("classifier", classifier);
        return usecase;
    }

    private static Map<String, Object> model(ModelConfig m) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", m.name());
        model.put("type", lower(m.type()));
        model.put("z_dim", m.zDim());
        model.put("base_channels", m.baseChannels());
        m.type().keys().forEach(key -> model.put(key.yamlName(), key.valueIn(m.pyramid())));
        // only when set: models without augmentation keep their plan and model hashes
        if (!m.augment().isEmpty()) {
            model.put("augment", m.augment().stream().map(PlanYaml::lower).toList());
        }
        return model;
    }

    private static String lower(Enum<?> value) {
        return YamlNames.of(value);
    }

    private static String dump(Map<String, Object> tree) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);   // never fold a long path across lines
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);   // same hash on every OS
        return new Yaml(options).dump(tree);
    }
}
