package org.melanogans.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;
import org.melanogans.engine.metrics.ChannelMetrics;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.PerChannel;

public class MetricsFileTest {
    @TempDir
    Path tmp;

    public static HistogramMetrics metrics(double emd) {
        ChannelMetrics c = new ChannelMetrics(emd, emd / 2, Math.sqrt(emd), emd / 2 / Math.log(2));
        return new HistogramMetrics(emd, emd / 2, Math.sqrt(emd), emd / 2 / Math.log(2), new PerChannel(c, c, c));
    }

    static MetricsFile sample() {
        Environment env = new Environment("17", "Linux", "cpu", List.of("avx2"), 2, 2, "cpu", "linux-x86_64", null, "1.1.0", true, false, 42L, "abc");
        return MetricsFile.start("quickstart", "run-0001", new DatasetInfo("generated", 600, 64, "f00"), env)
                .withModel("dcgan", ModelMetrics.ofSeeds(List.of(SeedFigures.of(42, metrics(0.01), null, 0.12, null, ModelMetrics.Networks.of(123456, 654321),
                        ModelMetrics.Training.of(40.1, 8, 600, 100.0, 4.0, 12.0), 2000))))
                .withModel("lapgan", ModelMetrics.failed("out of memory"));
    }

    @Test
    void roundTripsWithSnakeCaseKeysInStableOrder() throws IOException {
        Path file = tmp.resolve("reports/quickstart/run-0001/metrics.json");
        MetricsFile written = sample();
        written.write(file);
        assertEquals(written, MetricsFile.read(file));

        String text = Files.readString(file);
        assertTrue(text.contains("\n  \"experiment\""), "pretty-printed: " + text);
        JsonNode root = new ObjectMapper().readTree(text);
        assertEquals(List.of("experiment", "run", "dataset", "models", "usecase", "comparisons", "environment"), names(root));
        assertEquals(List.of("dcgan", "lapgan"), names(root.get("models")));
        JsonNode dcgan = root.get("models").get("dcgan");
        assertEquals(List.of("status", "run", "plan_sha256", "emd", "js_divergence", "js_distance", "js_divergence_base2", "per_channel", "swd",
                "swd_levels", "swd_images", "ms_ssim", "ms_ssim_real", "ms_ssim_pairs", "nn_distance_median",
                "nn_distance_median_real", "copies", "untrained_emd", "untrained_swd", "parameters",
                "discriminator_parameters", "train_images_per_second", "epochs", "steps", "train_seconds",
                "sample_seconds", "score_seconds", "samples", "summary", "seeds", "error"), names(dcgan));
        assertEquals("completed", dcgan.get("status").asText());
        assertEquals(0.01, dcgan.get("per_channel").get("g").get("emd").asDouble());
        assertTrue(dcgan.get("error").isNull());
        assertEquals("failed", root.get("models").get("lapgan").get("status").asText());
        assertEquals("out of memory", root.get("models").get("lapgan").get("error").asText());
        assertEquals("abc", root.get("environment").get("git_commit").asText());
        // No temporary file is left beside it.
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void replacingAModelKeepsItsPlace() {
        MetricsFile file = sample().withModel("dcgan", ModelMetrics.failed("diverged"));
        assertEquals(List.of("dcgan", "lapgan"), List.copyOf(file.models().keySet()));
        assertEquals(ModelStatus.FAILED, file.models().get("dcgan").status());
        assertNull(file.models().get("dcgan").emd());
    }

    @Test
    void unknownFieldsFromNewerVersionsAreTolerated() throws IOException {
        Path file = tmp.resolve("metrics.json");
        Files.writeString(file, """
                {"experiment": "q", "run": "run-0002", "future_field": {"x": [1, 2]},
                 "dataset": {"format": "isic2017", "images": 2000, "resolution": 256, "sha256": "ab", "new": 1},
                 "models": {"ddgan": {"status": "completed", "emd": 0.02, "fid": 12.5}},
                 "environment": {"java": "21", "os": "x", "cpu": "y", "cores": 8, "tensorflow": "1.1.0",
                                 "seed": 7, "git_commit": "unknown", "gpu": "none"}}
                """);
        MetricsFile read = MetricsFile.read(file);
        assertEquals("run-0002", read.run());
        assertEquals(0.02, read.models().get("ddgan").emd());
        assertNull(read.models().get("ddgan").jsDivergence());
        assertEquals(8, read.environment().cores());
    }

    @Test
    void missingOrBrokenFileIsAUserMistakeNamingIt() throws IOException {
        Path missing = tmp.resolve("nope.json");
        UserException e = assertThrows(UserException.class, () -> MetricsFile.read(missing));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"experiment\": \"q\",\n \"run\": ");
        e = assertThrows(UserException.class, () -> MetricsFile.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        Path badStatus = tmp.resolve("bad.json");
        Files.writeString(badStatus, "{\"experiment\": \"q\", \"run\": \"r\", \"models\": {\"m\": {\"status\": \"done\"}}}");
        e = assertThrows(UserException.class, () -> MetricsFile.read(badStatus));
        assertTrue(e.getMessage().contains("done"), e.getMessage());
    }

    @Test
    void historyHasOneLinePerRunHoweverOftenItIsAppended() {
        Path jsonl = tmp.resolve("reports/quickstart/metrics-history.jsonl");
        MetricsFile first = sample();
        MetricsFile second = new MetricsFile("quickstart", "run-0002", first.dataset(), first.models(), null, null,
                first.environment()).withModel("lapgan", ModelMetrics.ofSeeds(List.of(SeedFigures.of(42, metrics(0.04), null, null, null,
                ModelMetrics.Networks.of(1, 1), ModelMetrics.Training.of(2, 3, 4, 5, 6, 7), 6))));
        MetricsHistory.appendOnce(jsonl, first);
        MetricsHistory.appendOnce(jsonl, second);
        MetricsHistory.appendOnce(jsonl, second);   // finishing run-0002 was interrupted and retried
        assertEquals(List.of(first, second), MetricsHistory.read(jsonl));
    }

    @Test
    void historyNamesTheBadLine() throws IOException {
        Path jsonl = tmp.resolve("h.jsonl");
        MetricsHistory.appendOnce(jsonl, sample());
        Files.writeString(jsonl, "{oops\n", java.nio.file.StandardOpenOption.APPEND);
        UserException e = assertThrows(UserException.class, () -> MetricsHistory.read(jsonl));
        assertTrue(e.getMessage().startsWith(jsonl + ":2:"), e.getMessage());
    }

    @Test
    void environmentCaptureNeverFailsAndFillsEveryField() {
        Environment env = Environment.capture(42, "1.1.0", false, org.melanogans.engine.experiment.Device.CPU, 0, null);
        assertEquals(System.getProperty("java.version"), env.java());
        assertEquals(Runtime.getRuntime().availableProcessors(), env.cores());
        assertEquals(42, env.seed());
        assertEquals("1.1.0", env.tensorflow());
        assertNotNull(env.cpu());
        assertFalse(env.cpu().isBlank());
        assertTrue(env.gitCommit().equals("unknown") || env.gitCommit().matches("[0-9a-f]{40,64}(-dirty)?"), env.gitCommit());
    }
}
