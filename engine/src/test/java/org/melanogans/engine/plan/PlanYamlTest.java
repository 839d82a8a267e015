package org.melanogans.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.experiment.Device;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;

class PlanYamlTest {
    @TempDir
    Path dir;

    static final String YAML = """
            name: p
            data:
              format: isic2017
              path: isic
              classes: [melanoma, nevus]
              resolution: 32
            train:
              epochs: 5
            models:
              - type: dcgan
            """;

    static Experiment experiment(Path dir, Map<String, String> overrides) throws IOException {
        Files.writeString(dir.resolve("p.yaml"), YAML);
        return ExperimentLoader.load(Path.of("p.yaml"), dir, overrides, Map.of());
    }

    @Test
    void canonicalPlanHasEveryDefaultAndAbsolutePaths() throws IOException {
        String plan = PlanYaml.write(experiment(dir, Map.of()));
        String expected = """
                name: p
                seed: 42
                data:
                  format: isic2017
                  path: %s
                  images: ISIC-2017_Training_Data
                  labels: ISIC-2017_Training_Part3_GroundTruth.csv
                  classes:
                  - nevus
                  - melanoma
                  resolution: 32
                  crop: center
                  limit: 0
                  generated:
                    count: 600
                    size: 128
                    hairs: true
                    seed: 7
                train:
                  epochs: 5
                  batch: 8
                  learning_rate: 2.0E-4
                  beta1: 0.5
                  beta2: 0.999
                  log_every: 50
                  intra_op_threads: 2
                  inter_op_threads: 2
                  bfloat16: false
                models:
                - name: dcgan
                  type: dcgan
                  z_dim: 64
                  base_channels: 64
                sample:
                  count: 2000
                  grid: 8
                metrics:
                  swd_patches: 128
                  swd_directions: 128
                  swd_repeats: 4
                  ms_ssim_pairs: 1000
                """.formatted(dir.toAbsolutePath().normalize().resolve("isic"));
        assertEquals(expected, plan.substring(plan.indexOf("name: ")));
        assertTrue(plan.startsWith("# Resolved plan of experiment p, read from "
                + dir.toAbsolutePath().normalize().resolve("p.yaml")), plan);
    }

    @Test
    void planReadsBackAsTheSameExperiment() throws IOException {
        Experiment e = experiment(dir, Map.of("train.log_every", "7", "data.generated.hairs", "false"));
        Files.writeString(dir.resolve("plan.yaml"), PlanYaml.write(e));
        Experiment back = ExperimentLoader.load(Path.of("plan.yaml"), dir, Map.of(), Map.of());
        assertEquals(e.data(), back.data());
        assertEquals(e.train(), back.train());
        assertEquals(e.models(), back.models());
        assertEquals(e.sample(), back.sample());
        assertEquals(e.name(), back.name());
        assertEquals(e.seed(), back.seed());
        assertEquals(PlanYaml.hash(e), PlanYaml.hash(back));
    }

    @Test
    void hashIsSha256OfTheCanonicalFormWithoutNonResultKeys() throws IOException, NoSuchAlgorithmException {
        Experiment e = experiment(dir, Map.of());
        String withoutHeader = PlanYaml.write(e).replaceAll("(?m)^#.*\\n", "")
                .replaceAll("(?m)^  log_every: .*\\n", "");
        String oracle = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(withoutHeader.getBytes(StandardCharsets.UTF_8)));
        assertEquals(oracle, PlanYaml.hash(e));
        assertEquals(64, PlanYaml.hash(e).length());
    }

    @Test
    void hashIsStableAndSensitiveOnlyToResults() throws IOException {
        String base = PlanYaml.hash(experiment(dir, Map.of()));
        assertEquals(base, PlanYaml.hash(experiment(dir, Map.of())));
        // the same settings written differently give the same plan
        assertEquals(base, PlanYaml.hash(experiment(dir, Map.of("data.classes", "[nevus, melanoma]",
                "train.batch", "8", "train.learning_rate", "0.0002"))));
        assertEquals(base, PlanYaml.hash(experiment(dir, Map.of("train.log_every", "1"))));
        // thread counts change the order of TensorFlow's reductions, hence the figures
        assertNotEquals(base, PlanYaml.hash(experiment(dir, Map.of("train.intra_op_threads", "1"))));
        assertNotEquals(base, PlanYaml.hash(experiment(dir, Map.of("train.inter_op_threads", "8"))));
        Path elsewhere = Files.createDirectory(dir.resolve("copy"));
        // the source file is not part of the hash (relative paths resolve against the base directory)
        Files.writeString(elsewhere.resolve("other.yaml"), YAML);
        assertEquals(base, PlanYaml.hash(ExperimentLoader.load(Path.of("copy/other.yaml"), dir, Map.of(), Map.of())));

        assertNotEquals(base, PlanYaml.hash(experiment(dir, Map.of("train.epochs", "6"))));
        assertNotEquals(base, PlanYaml.hash(experiment(dir, Map.of("seed", "43"))));
        assertNotEquals(base, PlanYaml.hash(experiment(dir, Map.of("data.path", "other"))));
        assertNotEquals(base, PlanYaml.hash(experiment(dir, Map.of("models.0.z_dim", "32"))));
        assertNotEquals(base, PlanYaml.hash(experiment(dir, Map.of("train.bfloat16", "true"))));
        // the device changes the kernels, hence the figures; the default leaves CPU plans as they were
        assertEquals(base, PlanYaml.hash(experiment(dir, Map.of("device", "cpu"))));
        Experiment gpu = experiment(dir, Map.of("device", "gpu"));
        assertNotEquals(base, PlanYaml.hash(gpu));
        assertTrue(PlanYaml.write(gpu).contains("\ndevice: gpu\n"), PlanYaml.write(gpu));
        Files.writeString(dir.resolve("gpu-plan.yaml"), PlanYaml.write(gpu));
        assertEquals(Device.GPU, ExperimentLoader.load(Path.of("gpu-plan.yaml"), dir, Map.of(), Map.of()).device());
        // the classifier's plain recipe leaves use-case plans as they were
        String stage = YAML + "usecase: {pool: paper}\n";
        Files.writeString(dir.resolve("u.yaml"), stage);
        String plain = PlanYaml.hash(ExperimentLoader.load(Path.of("u.yaml"), dir, Map.of(), Map.of()));
        assertEquals(plain, PlanYaml.hash(ExperimentLoader.load(Path.of("u.yaml"), dir,
                Map.of("usecase.classifier.augment", "[flips]", "usecase.classifier.class_weights", "none"), Map.of())));
        assertNotEquals(plain, PlanYaml.hash(ExperimentLoader.load(Path.of("u.yaml"), dir,
                Map.of("usecase.classifier.augment", "[flips, rotations]"), Map.of())));
        assertNotEquals(plain, PlanYaml.hash(ExperimentLoader.load(Path.of("u.yaml"), dir,
                Map.of("usecase.classifier.test_time_augment", "true"), Map.of())));
        // no augmentation leaves plans as they were; a policy is hashed in its canonical order
        assertEquals(base, PlanYaml.hash(experiment(dir, Map.of("models.0.augment", "[]"))));
        Experiment augmented = experiment(dir, Map.of("models.0.augment", "[cutout, color]"));
        assertNotEquals(base, PlanYaml.hash(augmented));
        assertEquals(PlanYaml.hash(augmented), PlanYaml.hash(experiment(dir, Map.of("models.0.augment", "[color, cutout]"))));
        assertTrue(PlanYaml.write(augmented).contains("  augment:\n  - color\n  - cutout\n"), PlanYaml.write(augmented));
        Files.writeString(dir.resolve("augmented-plan.yaml"), PlanYaml.write(augmented));
        assertEquals(augmented.models(),
                ExperimentLoader.load(Path.of("augmented-plan.yaml"), dir, Map.of(), Map.of()).models());
    }
}
