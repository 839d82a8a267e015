package org.melanogans.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;

class ExperimentLoaderTest {
    @TempDir
    Path dir;

    /** Smallest valid file; line numbers in the tests below count from its first line. */
    private static final String MINIMAL = """
            data:
              format: generated
              resolution: 32
            train:
              epochs: 5
            models:
              - type: dcgan
            """;

    private Experiment load(String yaml, Map<String, String> overrides) throws IOException {
        Files.writeString(dir.resolve("x.yaml"), yaml);
        return ExperimentLoader.load(Path.of("x.yaml"), dir, overrides, Map.of());
    }

    private String error(String yaml) {
        return error(yaml, Map.of());
    }

    private String error(String yaml, Map<String, String> overrides) {
        return assertThrows(UserException.class, () -> load(yaml, overrides)).getMessage();
    }

    @Test
    void minimalFileGetsEveryDefault() throws IOException {
        Experiment e = load(MINIMAL, Map.of());
        assertEquals("x", e.name());
        assertEquals(dir.resolve("x.yaml").toAbsolutePath().normalize(), e.source());
        assertEquals(42, e.seed());
        assertEquals(new DataConfig(DataFormat.GENERATED, null, "ISIC-2017_Training_Data",
                "ISIC-2017_Training_Part3_GroundTruth.csv", EnumSet.allOf(LesionClass.class), 32,
                CropMode.CENTER, 0, new GeneratedConfig(600, 128, true, 7)), e.data());
        assertEquals(new TrainConfig(5, 8, 0.0002, 0.5, 0.999, 50, 2, 2, false), e.train());
        assertEquals(List.of(new ModelConfig("dcgan", ModelType.DCGAN, 64, 64)), e.models());
        assertEquals(new SampleConfig(2000, 8), e.sample());
    }

    @Test
    void explicitValuesAreRead() throws IOException {
        Experiment e = load("""
                name: my.exp-1
                seed: 0x10
                data:
                  format: folder
                  path: imgs/../pics
                  classes: [melanoma]
                  resolution: 128
                  crop: none
                  limit: 1_000
                  generated: {count: 3, size: 1024, hairs: false, seed: -1}
                train: {epochs: 1, batch: 2, learning_rate: 1, beta1: 0, beta2: 1e-3, log_every: 3,
                        intra_op_threads: 0, inter_op_threads: 1, bfloat16: true}
                models:
                  - {name: a, type: dcgan, z_dim: 1, base_channels: 2}
                  - {name: b, type: dcgan}
                sample: {count: 4, grid: 2}
                """, Map.of());
        assertEquals("my.exp-1", e.name());
        assertEquals(16, e.seed());
        assertEquals(dir.resolve("pics").toAbsolutePath().normalize(), e.data().path());
        assertEquals(Set.of(LesionClass.MELANOMA), e.data().classes());
        assertEquals(CropMode.NONE, e.data().crop());
        assertEquals(1000, e.data().limit());
        assertEquals(new GeneratedConfig(3, 1024, false, -1), e.data().generated());
        assertEquals(new TrainConfig(1, 2, 1.0, 0.0, 0.001, 3, 0, 1, true), e.train());
        assertEquals(List.of(new ModelConfig("a", ModelType.DCGAN, 1, 2),
                new ModelConfig("b", ModelType.DCGAN, 64, 64)), e.models());
        assertEquals(new SampleConfig(4, 2), e.sample());
    }

    @Test
    void unknownKeyNamesLineColumnAndAllowedKeys() {
        assertEquals("x.yaml:3:3: data.resoluton: unknown key; allowed keys: format, path, images, "
                + "labels, classes, resolution, crop, limit, generated",
                error(MINIMAL.replace("  resolution: 32", "  resolution: 32\n  resoluton: 64")
                        .replace("  format: generated\n", "")));
        assertEquals("x.yaml:8:1: epoch: unknown key; allowed keys: name, seed, seeds, device, data, train, models, sample, metrics, usecase, report",
                error(MINIMAL + "epoch: 3\n"));
    }

    @Test
    void bfloat16AutoIsDecidedByThisCpuAndRecordedAsTrueOrFalse() throws IOException {
        assertEquals(org.melanogans.engine.tf.CpuFeatures.detect().bfloat16(),
                load(MINIMAL.replace("epochs: 5", "epochs: 5\n  bfloat16: auto"), Map.of()).train().bfloat16());
        assertEquals(true, load(MINIMAL, Map.of("train.bfloat16", "true")).train().bfloat16());
        assertEquals(false, load(MINIMAL, Map.of()).train().bfloat16(), "off unless asked");
    }

    @Test
    void wrongTypeNamesTheValue() {
        assertEquals("x.yaml:5:11: train.epochs: must be an integer >= 1, got \"five\"",
                error(MINIMAL.replace("epochs: 5", "epochs: five")));
        // a quoted number is a string, not an integer
        assertEquals("x.yaml:5:11: train.epochs: must be an integer >= 1, got \"5\"",
                error(MINIMAL.replace("epochs: 5", "epochs: \"5\"")));
        assertEquals("x.yaml:5:11: train.epochs: must be an integer >= 1, got \"2.5\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 2.5")));
        assertEquals("x.yaml:6:13: train.bfloat16: must be true, false or auto, got \"yes\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 5\n  bfloat16: yes")));
        assertEquals("x.yaml:4:8: train: must be a map with keys epochs, batch, learning_rate, beta1, "
                + "beta2, log_every, intra_op_threads, inter_op_threads, bfloat16, got a list",
                error(MINIMAL.replace("train:\n  epochs: 5", "train: [5]")));
        assertEquals("x.yaml:6:9: models: must be a non-empty list of models (each with type:), got an empty list",
                error(MINIMAL.replace("models:\n  - type: dcgan", "models: []")));
        assertEquals("x.yaml:6:18: train.learning_rate: must be a number > 0, got \"fast\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 5\n  learning_rate: fast")));
        // a multi-line value still gives a one-line message
        assertEquals("x.yaml:6:10: train.batch: must be an integer >= 1, got \"a\\nb\\n\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 5\n  batch: |\n    a\n    b")));
        assertEquals("x.yaml:6:9: train.batch: must be an integer >= 1, got null",
                error(MINIMAL.replace("epochs: 5", "epochs: 5\n  batch:")));
    }

    @Test
    void missingRequiredKeyNamesTheEnclosingMap() {
        assertEquals("x.yaml:5:3: train.epochs: missing required key, must be an integer >= 1",
                error(MINIMAL.replace("epochs: 5", "batch: 4")));
        assertEquals("x.yaml:2:3: data.resolution: missing required key, must be a power of two from 16 to 512",
                error(MINIMAL.replace("  resolution: 32\n", "")));
        assertEquals("x.yaml:1:1: models: missing required key, must be a non-empty list of models (each with type:)",
                error(MINIMAL.replace("models:\n  - type: dcgan\n", "")));
        assertEquals("x.yaml:7:5: models.0.type: missing required key, must be one of dcgan, "
                + "lapgan, ddgan-upsampling, ddgan-deconvolution",
                error(MINIMAL.replace("- type: dcgan", "- name: g")));
        assertEquals("x.yaml:1:1: data: missing required key, must be a map",
                error("train: {epochs: 1}\nmodels: [{type: dcgan}]\n"));
    }

    @Test
    void outOfRangeValuesSayWhatIsAllowed() {
        assertEquals("x.yaml:5:11: train.epochs: must be an integer >= 1, got \"0\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 0")));
        assertEquals("x.yaml:3:15: data.resolution: must be a power of two from 16 to 512, got \"100\"",
                error(MINIMAL.replace("resolution: 32", "resolution: 100")));
        assertEquals("x.yaml:3:15: data.resolution: must be a power of two from 16 to 512, got \"1024\"",
                error(MINIMAL.replace("resolution: 32", "resolution: 1024")));
        assertEquals("x.yaml:6:10: train.beta1: must be a number >= 0 and < 1, got \"1.0\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 5\n  beta1: 1.0")));
        assertEquals("x.yaml:6:18: train.learning_rate: must be a number > 0, got \".nan\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 5\n  learning_rate: .nan")));
        assertEquals("x.yaml:5:11: train.epochs: must be an integer >= 1, got \"99999999999\"",
                error(MINIMAL.replace("epochs: 5", "epochs: 99999999999")));
        assertEquals("x.yaml:4:22: data.generated.count: must be an integer >= 3, got \"2\"",
                error(MINIMAL.replace("  resolution: 32", "  resolution: 32\n  generated: {count: 2}")));
        assertEquals("x.yaml:8:27: sample.grid: must satisfy grid x grid <= sample.count (10), got 4",
                error(MINIMAL + "sample: {count: 10, grid: 4}\n"));
        assertEquals("x.yaml:8:9: sample.grid: must satisfy grid x grid <= sample.count (10), got 8",
                error(MINIMAL + "sample: {count: 10}\n"));
        assertEquals("x.yaml:1:7: name: must be a name that starts with a lower-case letter or digit, then lower-case "
                + "letters, digits, '.', '_' or '-', got \"My Exp\"",
                error("name: My Exp\n" + MINIMAL));
    }

    @Test
    void badEnumValuesListTheAllowedOnesInLowerCase() {
        assertEquals("x.yaml:2:11: data.format: must be one of isic2017, generated, folder, got \"png\"",
                error(MINIMAL.replace("format: generated", "format: png")));
        assertEquals("x.yaml:2:11: data.format: must be one of isic2017, generated, folder, got \"GENERATED\"",
                error(MINIMAL.replace("format: generated", "format: GENERATED")));
        assertEquals("x.yaml:7:11: models.0.type: must be one of dcgan, lapgan, ddgan-upsampling, "
                + "ddgan-deconvolution, got \"stylegan\"",
                error(MINIMAL.replace("type: dcgan", "type: stylegan")));
        assertEquals("x.yaml:4:23: data.classes.1: must be one of nevus, seborrheic_keratosis, melanoma, got \"mole\"",
                error(MINIMAL.replace("  resolution: 32", "  resolution: 32\n  classes: [melanoma, mole]")));
        assertEquals("x.yaml:4:23: data.classes.1: duplicate \"melanoma\", list each once",
                error(MINIMAL.replace("  resolution: 32", "  resolution: 32\n  classes: [melanoma, melanoma]")));
        assertEquals("x.yaml:4:12: data.classes: must be a non-empty list of nevus, seborrheic_keratosis, "
                + "melanoma, got an empty list",
                error(MINIMAL.replace("  resolution: 32", "  resolution: 32\n  classes: []")));
    }

    @Test
    void augmentationIsASetOfTheReferenceTransformsAndNoneByDefault() throws IOException {
        assertEquals(Set.of(), load(MINIMAL, Map.of()).models().get(0).augment());
        assertEquals(EnumSet.of(Augmentation.COLOR, Augmentation.CUTOUT), load(MINIMAL.replace("type: dcgan",
                "type: dcgan\n    augment: [cutout, color]"), Map.of()).models().get(0).augment());
        assertEquals("x.yaml:8:22: models.0.augment.1: must be one of color, translation, cutout, got \"flip\"",
                error(MINIMAL.replace("type: dcgan", "type: dcgan\n    augment: [color, flip]")));
        assertEquals("x.yaml:8:22: models.0.augment.1: duplicate \"color\", list each once",
                error(MINIMAL.replace("type: dcgan", "type: dcgan\n    augment: [color, color]")));
        assertEquals("x.yaml:8:14: models.0.augment: must be a list of color, translation, cutout, got \"color\"",
                error(MINIMAL.replace("type: dcgan", "type: dcgan\n    augment: color")));
    }

    @Test
    void pyramidKeysAreReadWithDefaultsAndHyphenatedNames() throws IOException {
        Experiment e = load(MINIMAL + """
                  - type: lapgan
                    levels: 2
                    depth: 4
                    upsample: nearest
                    training: per-level
                  - type: ddgan-upsampling
                  - type: ddgan-deconvolution
                    base_channels: 16
                    refine_channels: 8
                """, Map.of());
        assertEquals(4, e.models().size());
        assertEquals(new ModelConfig("lapgan", ModelType.LAPGAN, 64, 64,
                new PyramidConfig(2, 4, 64, Upsampling.NEAREST, LevelTraining.PER_LEVEL)), e.models().get(1));
        assertEquals(new ModelConfig("ddgan-upsampling", ModelType.DDGAN_UPSAMPLING, 64, 64,
                new PyramidConfig(3, 3, 64, Upsampling.BILINEAR, LevelTraining.END_TO_END)), e.models().get(2));
        assertEquals(new PyramidConfig(3, 3, 8, Upsampling.BILINEAR, LevelTraining.END_TO_END),
                e.models().get(3).pyramid());
    }

    @Test
    void pyramidKeysThatDoNotApplyAreRefusedWithTheReason() {
        assertEquals("x.yaml:8:13: models.0.levels: does not apply to type dcgan (only lapgan, ddgan-upsampling, "
                + "ddgan-deconvolution take it); remove it",
                error(MINIMAL + "    levels: 3\n"));
        assertEquals("x.yaml:9:15: models.1.training: does not apply to type ddgan-upsampling (only lapgan takes "
                + "it); remove it",
                error(MINIMAL + "  - type: ddgan-upsampling\n    training: per-level\n"));
        assertEquals("x.yaml:9:15: models.1.upsample: does not apply to type ddgan-deconvolution "
                + "(only lapgan, ddgan-upsampling take it); remove it",
                error(MINIMAL + "  - type: ddgan-deconvolution\n    upsample: nearest\n"));
        assertEquals("x.yaml:9:15: models.1.training: must be one of end-to-end, per-level, got \"joint\"",
                error(MINIMAL + "  - type: lapgan\n    training: joint\n"));
        // 32 px halved three times is 4 px: too coarse for G0
        assertEquals("x.yaml:9:13: models.1.levels: the coarsest level would be 4 px (data.resolution 32 halved 3 "
                + "times); it must be at least 8 px: use fewer levels or a higher resolution, got 4",
                error(MINIMAL + "  - type: lapgan\n    levels: 4\n"));
    }

    @Test
    void usecaseSectionIsReadWithItsDefaults() throws IOException {
        assertNull(load(MINIMAL, Map.of()).usecase(), "no usecase: key, no stage");
        Experiment e = load(MINIMAL + """
                  - type: lapgan
                usecase:
                  pool: train-split
                  gans: [lapgan]
                  seeds: [3, 1, 2]
                  gan_steps: 300
                  classifier: {depth: 50, resolution: 32, optimizer: sgd-momentum, weights: w/notop.h5}
                """, Map.of());
        assertEquals(new UsecaseConfig(new ClassifierConfig(50, 32, 100, 16, ClassifierOptimizer.SGD_MOMENTUM, 1e-3,
                dir.resolve("w/notop.h5")), 0.6, 46, MelanomaPool.TRAIN_SPLIT, List.of("lapgan"), 300,
                List.of(3L, 1L, 2L)), e.usecase());
        Experiment minimal = load(MINIMAL + "usecase: {pool: retained}\n", Map.of());
        // the classifier's side defaults to the paper's 224 or the data's, whichever is smaller
        assertEquals(new UsecaseConfig(new ClassifierConfig(18, 32, 100, 16, ClassifierOptimizer.ADAM, 1e-3, null),
                0.6, 46, MelanomaPool.RETAINED, List.of(), 2000, List.of(1L)), minimal.usecase());
    }

    @Test
    void theClassifierRecipeIsReadAndAUsecaseNeedsNoModels() throws IOException {
        String classifierOnly = """
                data:
                  format: generated
                  resolution: 32
                train:
                  epochs: 5
                usecase:
                  pool: paper
                  classifier:
                    class_weights: balanced
                    augment: [rotations, flips, color]
                    schedule: one-cycle
                    test_time_augment: true
                """;
        Experiment e = load(classifierOnly, Map.of());
        assertEquals(List.of(), e.models());
        assertEquals(new ClassifierRecipe(ClassifierRecipe.ClassWeights.BALANCED,
                EnumSet.allOf(ClassifierRecipe.ImageTransform.class), ClassifierRecipe.LearningRateSchedule.ONE_CYCLE,
                true), e.usecase().classifier().recipe());
        assertEquals(ClassifierRecipe.PLAIN, load(MINIMAL + "usecase: {pool: retained}\n", Map.of()).usecase()
                .classifier().recipe());
        assertEquals("x.yaml:12:24: usecase.classifier.test_time_augment: averages over the flips or rotations the "
                + "classifier trains with; add flips or rotations to augment, or set it to false",
                error(classifierOnly.replace("[rotations, flips, color]", "[color]")));
        assertEquals("x.yaml:11:15: usecase.classifier.schedule: must be one of constant, one-cycle, got \"cosine\"",
                error(classifierOnly.replace("one-cycle", "cosine")));
        assertEquals("x.yaml:6:8: models: must be a non-empty list of models (each with type:), got null",
                error(MINIMAL.replace("  - type: dcgan\n", "")));
    }

    @Test
    void usecaseMistakesNameTheirLine() {
        assertEquals("x.yaml:9:3: usecase.pool: missing required key, must be one of paper, train-split, retained",
                error(MINIMAL + "usecase:\n  seeds: [1]\n"));
        assertEquals("x.yaml:10:10: usecase.gans.0: must name a model under models: (dcgan), got \"lapgan\"",
                error(MINIMAL + "usecase:\n  pool: paper\n  gans: [lapgan]\n"));
        assertEquals("x.yaml:10:17: usecase.seeds.2: duplicate seed, got \"1\"",
                error(MINIMAL + "usecase:\n  pool: paper\n  seeds: [1, 2, 1]\n"));
        assertEquals("x.yaml:10:25: usecase.classifier.weights: the Keras ImageNet weights are for ResNet-50: set "
                + "depth: 50, or remove weights to train ResNet-18 from scratch",
                error(MINIMAL + "usecase:\n  pool: paper\n  classifier: {weights: w.h5}\n"));
        assertEquals("x.yaml:10:27: usecase.classifier.optimizer: must be one of adam, sgd-momentum, got \"sgd\"",
                error(MINIMAL + "usecase:\n  pool: paper\n  classifier: {optimizer: sgd}\n"));
        assertEquals("x.yaml:10:28: usecase.classifier.resolution: must be an integer from 32 to data.resolution (32),"
                + " got \"224\"", error(MINIMAL + "usecase:\n  pool: paper\n  classifier: {resolution: 224}\n"));
    }

    @Test
    void duplicateModelNamesAreRefused() {
        assertEquals("x.yaml:8:5: models.1.name: duplicate model name \"dcgan\" (also models.0), "
                + "give each model a unique name:",
                error(MINIMAL + "  - type: dcgan\n"));
    }

    @Test
    void malformedYamlIsOneLineWithPosition() {
        String message = error("data:\n  format: generated\n resolution: [32\n");
        assertTrue(message.matches("x\\.yaml:\\d+:\\d+: [^\\n]+"), message);
        assertEquals("x.yaml:2:4: mapping values are not allowed here", error("data: a\n  b: c\n"));
        assertEquals("x.yaml:1:1: the file must be a map of keys (name, seed, data, train, models, sample, usecase, report), "
                + "got a list", error("- 1\n- 2\n"));
    }

    @Test
    void emptyFileReportsMissingKeys() {
        assertEquals("x.yaml:1:1: data: missing required key, must be a map", error(""));
    }

    @Test
    void duplicateKeyIsRefusedAtTheSecondOccurrence() {
        assertEquals("x.yaml:6:3: train.epochs: duplicate key (first at x.yaml:5:3), give each key once",
                error(MINIMAL.replace("epochs: 5", "epochs: 5\n  epochs: 6")));
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder(MINIMAL).append("a0: &a0 [x, x]\n");
        for (int i = 1; i <= 12; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1)
                    .append(", *a").append(i - 1).append("]\n");
        }
        assertEquals("x.yaml:14:10: too many aliases (more than 10), write the values out instead",
                error(yaml.toString()));
        // a few aliases are fine
        assertEquals("x.yaml:9:1: b: unknown key; allowed keys: name, seed, seeds, device, data, train, models, sample, metrics, usecase, report",
                error(MINIMAL.replace("epochs: 5", "epochs: &e 5").replace("train:", "train:")
                        + "sample: {count: *e, grid: 1}\nb: 1\n"));
    }

    @Test
    void classTagsAreRefused() {
        assertEquals("x.yaml:8:7: tags are not allowed (found !!javax.script.ScriptEngineManager), "
                + "write plain values",
                error(MINIMAL + "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                        + "[[!!java.net.URL [\"http://example.invalid/\"]]]]\n"));
        assertEquals("x.yaml:8:7: tags are not allowed (found !custom), write plain values",
                error(MINIMAL + "name: !custom x\n"));
        // standard scalar tags are allowed, and then the type is checked
        assertEquals("x.yaml:5:11: train.epochs: must be an integer >= 1, got \"5\"",
                error(MINIMAL.replace("epochs: 5", "epochs: !!str 5")));
    }

    @Test
    void overridesApplyBeforeValidationIncludingListIndexAndFlowList() throws IOException {
        Map<String, String> overrides = ExperimentLoader.parseOverrides(
                "train.epochs=2, data.classes=[melanoma,nevus],models.0.z_dim=16,models.1.type=dcgan,"
                        + "models.1.name=second,data.generated={count: 9, hairs: false},name=other");
        Experiment e = load(MINIMAL, overrides);
        assertEquals(2, e.train().epochs());
        assertEquals(Set.of(LesionClass.MELANOMA, LesionClass.NEVUS), e.data().classes());
        assertEquals(List.of(new ModelConfig("dcgan", ModelType.DCGAN, 16, 64),
                new ModelConfig("second", ModelType.DCGAN, 64, 64)), e.models());
        assertEquals(new GeneratedConfig(9, 128, false, 7), e.data().generated());
        assertEquals("other", e.name());
    }

    @Test
    void overrideErrorsNameTheOverrideInsteadOfALine() {
        assertEquals("x.yaml (-Dgan.set train.epochs): train.epochs: must be an integer >= 1, got \"five\"",
                error(MINIMAL, Map.of("train.epochs", "five")));
        assertEquals("x.yaml (-Dgan.set train.epoch): train.epoch: unknown key; allowed keys: epochs, batch, "
                + "learning_rate, beta1, beta2, log_every, intra_op_threads, inter_op_threads, bfloat16",
                error(MINIMAL, Map.of("train.epoch", "3")));
        assertEquals("x.yaml (-Dgan.set models.3.z_dim): models.3: no such list element, models has 1 "
                + "element(s): use an index from 0 to 1",
                error(MINIMAL, Map.of("models.3.z_dim", "3")));
        assertEquals("x.yaml (-Dgan.set train.epochs.x): train.epochs is a single value (\"5\"), it has no key x",
                error(MINIMAL, Map.of("train.epochs.x", "3")));
        assertEquals("x.yaml (-Dgan.set name): tags are not allowed (found !!java.io.File), write plain values",
                error(MINIMAL, Map.of("name", "!!java.io.File [x]")));
        assertEquals("x.yaml (-Dgan.set data.classes): data.classes.0: must be one of nevus, "
                + "seborrheic_keratosis, melanoma, got \"mela\"",
                error(MINIMAL, Map.of("data.classes", "[mela]")));
    }

    @Test
    void parseOverridesSplitsOnTopLevelCommasOnly() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("a.b", "[x, y]");
        expected.put("c", "'p,q'");
        expected.put("d.e", "{k: 1, l: [2,3]}");
        expected.put("f", "");
        assertEquals(expected, ExperimentLoader.parseOverrides("a.b=[x, y],c='p,q', d.e={k: 1, l: [2,3]},f="));
        assertEquals(List.of("a", "b"), List.copyOf(ExperimentLoader.parseOverrides("a=1,b=2").keySet()));
        assertTrue(ExperimentLoader.parseOverrides(null).isEmpty());
        assertTrue(ExperimentLoader.parseOverrides("  ").isEmpty());
    }

    @Test
    void malformedOverrideSpecNamesGanSet() {
        for (String spec : List.of("train.epochs", "a=1,,b=2", "a=[1,2", "a=1]", "=3", "a b=1", "a=1,a=2",
                "a='x")) {
            String message = assertThrows(UserException.class, () -> ExperimentLoader.parseOverrides(spec),
                    spec).getMessage();
            assertTrue(message.startsWith("-Dgan.set: "), message);
            assertTrue(message.contains("write -Dgan.set=") || message.endsWith("give each key once"), message);
        }
        assertEquals("-Dgan.set: \"train.epochs\" in \"train.epochs\" is not key=value; "
                + "write -Dgan.set=train.epochs=2,data.classes=[melanoma,nevus]",
                assertThrows(UserException.class, () -> ExperimentLoader.parseOverrides("train.epochs"))
                        .getMessage());
    }

    @Test
    void isic2017PathComesFromFileOverrideOrEnvironment() throws IOException {
        String isic = MINIMAL.replace("format: generated", "format: isic2017");
        Files.writeString(dir.resolve("x.yaml"), isic);
        assertNull(load(isic, Map.of()).data().path(), "unset: reported by the goals that read images");
        Experiment fromEnv = ExperimentLoader.load(Path.of("x.yaml"), dir, Map.of(),
                Map.of("ISIC2017_DIR", "data/isic"));
        assertEquals(dir.resolve("data/isic").toAbsolutePath().normalize(), fromEnv.data().path());
        Experiment fromOverride = ExperimentLoader.load(Path.of("x.yaml"), dir, Map.of("data.path", "/abs/isic"),
                Map.of("ISIC2017_DIR", "data/isic"));
        assertEquals(Path.of("/abs/isic"), fromOverride.data().path());
        // generated data ignores the path
        assertNull(load(MINIMAL.replace("  format: generated", "  format: generated\n  path: x"), Map.of())
                .data().path());
    }

    @Test
    void aFileFarLargerThanAnyExperimentIsRefusedAtOnceBySize() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        Files.writeString(huge, MINIMAL + "# " + "x".repeat(20 << 20) + "\n");
        long started = System.nanoTime();
        UserException e = assertThrows(UserException.class, () -> ExperimentLoader.load(huge, dir, Map.of(),
                Map.of()));
        assertEquals("huge.yaml: " + Files.size(huge) + " bytes is far larger than any experiment file (at most "
                + ExperimentLoader.MAX_BYTES + "); point -Dgan.experiment at an experiment YAML", e.getMessage());
        System.out.printf("a 20 MB experiment file refused in %.3f s%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    void missingFileAndInvalidFileNameAreUserErrors() throws IOException {
        assertEquals("nope.yaml: experiment file not found; pass an existing file with -Dgan.experiment or "
                + "create it (see experiments/quickstart.yaml)",
                assertThrows(UserException.class, () -> ExperimentLoader.load(Path.of("nope.yaml"), dir,
                        Map.of(), Map.of())).getMessage());
        Files.writeString(dir.resolve("My Exp.yaml"), MINIMAL);
        assertEquals("My Exp.yaml:1:1: name: the file name \"My Exp\" is not a valid experiment name, add name: "
                + "with lower-case letters, digits, '.', '_' or '-'",
                assertThrows(UserException.class, () -> ExperimentLoader.load(Path.of("My Exp.yaml"), dir,
                        Map.of(), Map.of())).getMessage());
    }

    @Test
    void theQuickstartsCommentedUsecaseSectionLoadsWhenUncommented() throws IOException {
        String quickstart = Files.readString(projectRoot().resolve("experiments/quickstart.yaml"));
        int start = quickstart.indexOf("\n# usecase:") + 1;
        String section = quickstart.substring(start).lines().map(l -> l.startsWith("# ") ? l.substring(2) : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        Files.writeString(dir.resolve("q.yaml"), quickstart.substring(0, start) + section + "\n");
        Experiment e = ExperimentLoader.load(dir.resolve("q.yaml"), dir, Map.of(), Map.of());
        assertEquals(new UsecaseConfig(new ClassifierConfig(18, 64, 100, 16, ClassifierOptimizer.ADAM, 1e-3, null),
                0.6, 46,
                MelanomaPool.PAPER, List.of("dcgan"), 2000, List.of(1L, 2L, 3L)), e.usecase());
    }

    @Test
    void projectExperimentsLoad() {
        Path project = projectRoot();
        Experiment quick = ExperimentLoader.load(Path.of("experiments/quickstart.yaml"), project, Map.of(), Map.of());
        assertEquals("quickstart", quick.name());
        assertEquals(DataFormat.GENERATED, quick.data().format());
        assertEquals(64, quick.data().resolution());
        assertEquals(16, quick.train().epochs());
        assertEquals(1000, quick.data().generated().count());
        assertEquals(2000, quick.sample().count());
        assertEquals(List.of(new ModelConfig("dcgan", ModelType.DCGAN, 64, 32)), quick.models());

        Map<String, String> data = Map.of("data.path", "/data/isic2017");
        Experiment cpu = ExperimentLoader.load(Path.of("experiments/isic2017-dcgan-cpu.yaml"), project, data, Map.of());
        assertEquals(DataFormat.ISIC2017, cpu.data().format());
        assertEquals(Path.of("/data/isic2017"), cpu.data().path());
        assertEquals(64, cpu.data().resolution());
        assertEquals(10, cpu.train().epochs());
        assertEquals(List.of(new ModelConfig("dcgan", ModelType.DCGAN, 64, 32)), cpu.models());

        Experiment paper = ExperimentLoader.load(Path.of("experiments/isic2017-dcgan-paper.yaml"), project,
                Map.of(), Map.of("ISIC2017_DIR", "/data/isic2017"));
        assertEquals(256, paper.data().resolution());
        assertEquals(200, paper.train().epochs());
        assertEquals(8, paper.train().batch());
        assertEquals(List.of(new ModelConfig("dcgan", ModelType.DCGAN, 64, 32)), paper.models());
        assertEquals(false, paper.train().bfloat16());

        for (String table1 : List.of("table1-cpu", "table1-paper")) {
            Experiment t = ExperimentLoader.load(Path.of("experiments/" + table1 + ".yaml"), project, data, Map.of());
            assertEquals(List.of(ModelType.DCGAN, ModelType.LAPGAN, ModelType.DDGAN_UPSAMPLING,
                    ModelType.DDGAN_DECONVOLUTION), t.models().stream().map(ModelConfig::type).toList(), table1);
            assertEquals(EnumSet.allOf(LesionClass.class), t.data().classes());
            assertTrue(t.models().stream().allMatch(m -> m.zDim() == 64 && m.pyramid().levels() == 3), table1);
        }
        Experiment paper1 = ExperimentLoader.load(Path.of("experiments/table1-paper.yaml"), project, data, Map.of());
        assertEquals(256, paper1.data().resolution());
        assertEquals(200, paper1.train().epochs());
        assertEquals(8, paper1.train().batch());

        // Table 2: the CPU pair differs only in name and pool; the paper's run is ResNet-50 with weights
        Experiment leaky = ExperimentLoader.load(Path.of("experiments/table2-cpu.yaml"), project, data, Map.of());
        Experiment leakFree = ExperimentLoader.load(Path.of("experiments/table2-leakfree-cpu.yaml"), project, data,
                Map.of());
        assertEquals(MelanomaPool.PAPER, leaky.usecase().pool());
        assertEquals(MelanomaPool.RETAINED, leakFree.usecase().pool());
        UsecaseConfig u = leaky.usecase();
        assertEquals(new UsecaseConfig(u.classifier(), u.trainingFraction(), u.retainedMelanoma(),
                MelanomaPool.RETAINED, u.gans(), u.ganSteps(), u.seeds()), leakFree.usecase());
        assertEquals(leaky.models(), leakFree.models());
        assertEquals(leaky.data(), leakFree.data());
        assertEquals(leaky.train(), leakFree.train());
        assertEquals(List.of(1L, 2L, 3L), u.seeds());
        assertEquals(List.of("lapgan", "ddgan-upsampling", "ddgan-deconvolution", "dcgan-diffaugment"), u.gans());
        assertEquals(EnumSet.allOf(Augmentation.class), leaky.models().get(3).augment());
        // the classifier of the lever study's best measured arm
        Experiment lever = ExperimentLoader.load(Path.of("experiments/classifier/recipe-64px-30ep.yaml"), project,
                data, Map.of());
        assertEquals(lever.usecase().classifier(), u.classifier());
        assertEquals(18, u.classifier().depth());
        assertNull(u.classifier().weights());
        Experiment paper2 = ExperimentLoader.load(Path.of("experiments/table2-paper.yaml"), project, data, Map.of());
        assertEquals(50, paper2.usecase().classifier().depth());
        assertEquals(224, paper2.usecase().classifier().resolution());
        assertEquals(100, paper2.usecase().classifier().epochs());
        assertEquals(project.resolve("weights/resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5"),
                paper2.usecase().classifier().weights());
        assertEquals(List.of("lapgan", "ddgan-upsampling", "ddgan-deconvolution"), paper2.usecase().gans());

        // DiffAugment on the melanoma: the two arms differ only in name and augmentation
        Experiment diff = ExperimentLoader.load(Path.of("experiments/melanoma-diffaugment-cpu.yaml"), project, data,
                Map.of());
        ModelConfig plain = diff.models().get(0);
        assertEquals(new ModelConfig("dcgan", ModelType.DCGAN, 64, 32), plain);
        assertEquals(new ModelConfig("dcgan-diffaugment", plain.type(), plain.zDim(), plain.baseChannels(),
                plain.pyramid(), EnumSet.allOf(Augmentation.class)), diff.models().get(1));
        Experiment alone = ExperimentLoader.load(Path.of("experiments/melanoma-dcgan-cpu.yaml"), project, data,
                Map.of());
        assertEquals(alone.data(), diff.data());
        assertEquals(alone.train(), diff.train());
        assertEquals(alone.seeds(), diff.seeds());

        // the classifier lever study: the stage alone, each file one recipe at 64 px and 30 epochs
        Experiment recipe = ExperimentLoader.load(Path.of("experiments/classifier/recipe-64px-30ep.yaml"), project,
                data, Map.of());
        assertEquals(List.of(), recipe.models());
        assertEquals(List.of(), recipe.usecase().gans());
        assertEquals(new ClassifierRecipe(ClassifierRecipe.ClassWeights.BALANCED,
                EnumSet.allOf(ClassifierRecipe.ImageTransform.class), ClassifierRecipe.LearningRateSchedule.ONE_CYCLE,
                true), recipe.usecase().classifier().recipe());
        ClassifierConfig c = recipe.usecase().classifier();
        Experiment plainRecipe = ExperimentLoader.load(Path.of("experiments/classifier/plain-64px-30ep.yaml"),
                project, data, Map.of());
        assertEquals(new ClassifierConfig(c.depth(), c.resolution(), c.epochs(), c.batch(), c.optimizer(),
                c.learningRate(), null, ClassifierRecipe.PLAIN), plainRecipe.usecase().classifier());
        Experiment unweighted = ExperimentLoader.load(Path.of("experiments/classifier/unweighted-64px-30ep.yaml"),
                project, data, Map.of());
        ClassifierRecipe r = c.recipe();
        assertEquals(new ClassifierRecipe(ClassifierRecipe.ClassWeights.NONE, r.augment(), r.schedule(),
                r.testTimeAugment()), unweighted.usecase().classifier().recipe());
        assertEquals(recipe.usecase().seeds(), unweighted.usecase().seeds());
        assertEquals(recipe.data(), plainRecipe.data());
    }

    @Test
    void embeddedDefaultIsByteIdenticalToTheProjectQuickstart() throws IOException {
        byte[] project = Files.readAllBytes(projectRoot().resolve("experiments/quickstart.yaml"));
        try (InputStream in = ExperimentLoader.class.getResourceAsStream(ExperimentLoader.EMBEDDED_RESOURCE)) {
            assertArrayEquals(project, in.readAllBytes());
        }
        Experiment embedded = ExperimentLoader.loadEmbeddedDefault(dir, Map.of("train.epochs", "1"), Map.of());
        Experiment file = ExperimentLoader.load(Path.of("experiments/quickstart.yaml"), projectRoot(),
                Map.of("train.epochs", "1"), Map.of());
        assertEquals(file.data(), embedded.data());
        assertEquals(file.train(), embedded.train());
        assertEquals(1, embedded.train().epochs());
        assertEquals(Path.of(ExperimentLoader.EMBEDDED_RESOURCE), embedded.source());
        assertEquals("embedded quickstart.yaml (-Dgan.set train.epochs): train.epochs: must be an integer >= 1, "
                + "got \"0\"", assertThrows(UserException.class, () -> ExperimentLoader.loadEmbeddedDefault(dir,
                        Map.of("train.epochs", "0"), Map.of())).getMessage());
    }

    /** The project root: the engine module's parent (surefire runs in the module directory). */
    static Path projectRoot() {
        Path engine = Path.of("").toAbsolutePath();
        return Files.isDirectory(engine.resolve("experiments")) ? engine : engine.getParent();
    }
}
