package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;

/**
 * LAPGAN (end to end and per level), DDGAN-upsampling and DDGAN-deconvolution on the real ISIC
 * 2017 images (skipped when ../shared is absent): {@code experiments/isic2017-pyramids-ci.yaml} as
 * committed must bring every model's EMD at least 3x below its own untrained generator's, and leave
 * a grid per scale.
 */
class MultiScaleLearnsOnIsicTest {
    @Test
    void everyPyramidModelBeatsItsUntrainedGeneratorThreeFold(@TempDir Path reports) throws Exception {
        SharedData.Run run = SharedData.trainCommittedExperiment("experiments/isic2017-pyramids-ci.yaml", reports);
        Experiment experiment = run.experiment();
        Path metrics = run.metrics();

        JsonNode models = new ObjectMapper().readTree(metrics.toFile()).path("models");
        List<String> tooWeak = new ArrayList<>();
        for (ModelConfig model : experiment.models()) {
            JsonNode m = models.path(model.name());
            double emd = m.path("emd").asDouble();
            double untrained = m.path("untrained_emd").asDouble();
            System.out.printf("%s: EMD %.5f, untrained %.5f (%.1fx lower), JS %.5f, %.1f img/s, %.0f s%n",
                    model.name(), emd, untrained, untrained / emd, m.path("js_divergence").asDouble(),
                    m.path("train_images_per_second").asDouble(), m.path("train_seconds").asDouble());
            assertEquals("completed", m.path("status").asText(), model.name());
            if (!(emd * 3 <= untrained)) {
                tooWeak.add(model.name() + " EMD " + emd + " vs untrained " + untrained);
            }
            for (int side : new int[] {16, 32}) {
                Path grid = metrics.getParent().resolve("grids").resolve(model.name()).resolve(side + "px.png");
                assertTrue(Files.size(grid) > 0, grid.toString());
            }
        }
        assertTrue(tooWeak.isEmpty(), "not 3x below the untrained generator: " + tooWeak);
    }
}
