package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.experiment.CropMode;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.GeneratedConfig;
import org.melanogans.engine.experiment.LesionClass;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.SampleConfig;
import org.melanogans.engine.experiment.TrainConfig;

/**
 * The spine end to end on the real ISIC 2017 images (skipped when ../shared is absent): the
 * DCGAN, trained briefly at 64 px, must reach an EMD at least 5x lower than the same generator
 * before training.
 */
class DcganLearnsOnIsicTest {
    @Test
    void trainedDcganBeatsItsUntrainedGeneratorFiveFold(@TempDir Path dir) throws Exception {
        Path isic = SharedData.isic2017().orElse(null);
        Assumptions.assumeTrue(isic != null, "../shared/data/isic2017 is absent");
        DataConfig data = new DataConfig(DataFormat.ISIC2017, isic, "ISIC-2017_Training_Data",
                "ISIC-2017_Training_Part3_GroundTruth.csv", EnumSet.allOf(LesionClass.class), 64, CropMode.CENTER, 0,
                new GeneratedConfig(600, 128, true, 7));
        TrainConfig train = new TrainConfig(EPOCHS, 8, 2e-4, 0.5, 0.999, 50, 2, 2, false);
        Experiment experiment = new Experiment("isic-learns", dir.resolve("isic-learns.yaml"), 42, data, train,
                List.of(new ModelConfig("dcgan", ModelType.DCGAN, 64, BASE_CHANNELS)), new SampleConfig(1000, 8));
        Path metrics = new GanEngine(dir, dir.resolve("reports"), EngineLog.STDOUT).train(experiment, false, List.of());

        JsonNode m = new ObjectMapper().readTree(metrics.toFile()).path("models").path("dcgan");
        double emd = m.path("emd").asDouble();
        double untrained = m.path("untrained_emd").asDouble();
        System.out.printf("ISIC 64 px DCGAN: EMD %.5f, untrained %.5f, ratio %.1fx, %.1f img/s%n",
                emd, untrained, untrained / emd, m.path("train_images_per_second").asDouble());
        assertEquals("completed", m.path("status").asText());
        assertEquals(2000, new ObjectMapper().readTree(metrics.toFile()).path("dataset").path("images").asInt());
        assertTrue(emd * 5 <= untrained, "EMD " + emd + " is not 5x below the untrained " + untrained);
    }

    static final int EPOCHS = 2;
    static final int BASE_CHANNELS = 32;
}
