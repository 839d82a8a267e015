package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spine end to end on the real ISIC 2017 images (skipped when ../shared is absent): the
 * experiment {@code experiments/isic2017-dcgan-cpu.yaml} as committed (64 px, 10 epochs, about
 * four minutes on 2 cores) must bring its DCGAN to an EMD at least 5x lower than the same
 * generator before training.
 */
class DcganLearnsOnIsicTest {
    @Test
    void cpuExperimentBeatsItsUntrainedGeneratorFiveFold(@TempDir Path reports) throws Exception {
        Path metrics = SharedData.trainCommittedExperiment("experiments/isic2017-dcgan-cpu.yaml", reports).metrics();

        JsonNode root = new ObjectMapper().readTree(metrics.toFile());
        JsonNode m = root.path("models").path("dcgan");
        double emd = m.path("emd").asDouble();
        double untrained = m.path("untrained_emd").asDouble();
        System.out.printf("isic2017-dcgan-cpu: EMD %.5f, untrained %.5f (%.1fx lower), JS %.5f, %.1f img/s, %.0f s%n",
                emd, untrained, untrained / emd, m.path("js_divergence").asDouble(),
                m.path("train_images_per_second").asDouble(), m.path("train_seconds").asDouble());
        assertEquals("completed", m.path("status").asText());
        assertEquals(2000, root.path("dataset").path("images").asInt());
        assertEquals(2000, m.path("samples").asInt());
        assertTrue(emd * 5 <= untrained, "EMD " + emd + " is not 5x below the untrained " + untrained);
    }
}
