package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.experiment.Experiment;

/** A missing data folder is reported by the goals that read images, and only by them. */
class DataPathTest {
    private static final String ISIC = """
            data:
              format: isic2017
              resolution: 32
            train:
              epochs: 1
            models:
              - type: dcgan
            """;

    @Test
    void goalsThatReadImagesNameTheFileAndTheFixOthersDoNotNeedTheData(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("experiments"));
        Files.writeString(project.resolve("experiments/x.yaml"), ISIC);
        Files.writeString(project.resolve("experiments/f.yaml"), ISIC.replace("isic2017", "folder"));
        GanEngine engine = new GanEngine(project, project.resolve("reports"), EngineLog.STDOUT);
        Experiment isic = engine.loadExperiment(Path.of("experiments/x.yaml"), Map.of(), Map.of());
        String expected = "experiments" + java.io.File.separator + "x.yaml: data.path is not set for format isic2017: "
                + "pass -Dgan.data=DIR (the folder holding ISIC-2017_Training_Data/ and "
                + "ISIC-2017_Training_Part3_GroundTruth.csv) or set ISIC2017_DIR";
        assertEquals(expected, assertThrows(UserException.class, () -> engine.plan(isic)).getMessage());
        assertEquals(expected, assertThrows(UserException.class,
                () -> engine.train(isic, false, List.of())).getMessage());
        assertEquals(expected, assertThrows(UserException.class, () -> engine.evaluateRun(isic, null)).getMessage());
        Experiment folder = engine.loadExperiment(Path.of("experiments/f.yaml"), Map.of(), Map.of());
        assertEquals("experiments" + java.io.File.separator + "f.yaml: data.path is not set for format folder: "
                + "pass -Dgan.data=DIR (the folder of images) or add data.path",
                assertThrows(UserException.class, () -> engine.plan(folder)).getMessage());
        // gan:check only needs where the metrics and the baseline are
        assertEquals(project.resolve("experiments/baselines/x.json"), engine.defaultBaseline(isic));
        assertEquals(false, Files.exists(project.resolve("reports/x")), "no run directory for a refused train");
    }
}
