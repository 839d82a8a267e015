package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.layout.RunLayout;

/** An experiment of several models: subsets with -Dgan.models, and one failing model not losing the others. */
class MultiModelRunTest {
    private static final String YAML = """
            name: two
            data:
              format: generated
              resolution: 16
              generated: {count: 24, size: 32}
            train:
              epochs: 1
              batch: 4
            models:
              - name: pyramid
                type: ddgan-upsampling
                base_channels: 4
                levels: 2
              - name: flat
                type: dcgan
                base_channels: 4
            sample:
              count: 16
              grid: 2
            metrics: {ms_ssim_pairs: 50, swd_patches: 16}
            """;

    @Test
    void aSubsetRunsAloneAndAFailingModelKeepsTheOthersResults(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("two.yaml"), YAML);
        TestProject p = new TestProject(project);
        p.train("two.yaml", null, "flat");
        RunLayout run = p.folder("two").run(1);
        JsonNode first = new ObjectMapper().readTree(run.metrics().toFile()).path("models");
        assertEquals(List.of("flat"), List.copyOf(iterable(first)));
        assertFalse(Files.exists(run.complete()), "a subset does not complete the run");

        // the pyramid model cannot write its checkpoints: it fails, flat's results stay
        Files.writeString(run.dir().resolve("models").resolve("pyramid"), "not a directory");
        UserException failure = assertThrows(UserException.class, () -> p.train("two.yaml", null));
        assertTrue(failure.getMessage().startsWith("1 of 2 models failed"), failure.getMessage());
        JsonNode models = new ObjectMapper().readTree(run.metrics().toFile()).path("models");
        assertEquals("failed", models.path("pyramid").path("status").asText());
        assertFalse(models.path("pyramid").path("error").asText().isBlank());
        assertEquals("completed", models.path("flat").path("status").asText());
        assertTrue(models.path("flat").path("emd").asDouble() > 0);
        assertTrue(Files.isRegularFile(run.gan("flat").grid()));
    }

    private static List<String> iterable(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
