package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void goalsThatReadImagesNameTheFileAndTheFixOthersDoNotNeedTheData(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("experiments"));
        Files.writeString(dir.resolve("experiments/x.yaml"), ISIC);
        Files.writeString(dir.resolve("experiments/f.yaml"), ISIC.replace("isic2017", "folder"));
        TestProject project = new TestProject(dir);
        GanEngine engine = project.engine();
        EngineRequest.Project isic = project.project("experiments/x.yaml", null);
        String expected = "experiments" + java.io.File.separator + "x.yaml: data.path is not set for format isic2017: "
                + "pass -Dgan.data=DIR (the folder holding ISIC-2017_Training_Data/ and "
                + "ISIC-2017_Training_Part3_GroundTruth.csv) or set ISIC2017_DIR";
        assertEquals(expected, assertThrows(UserException.class,
                () -> engine.train(new EngineRequest.Train(isic, false, true, List.of()))).getMessage());
        assertEquals(expected, assertThrows(UserException.class,
                () -> engine.train(new EngineRequest.Train(isic, false, false, List.of()))).getMessage());
        // a run is evaluated with its own plan's data; without a run there is nothing to evaluate
        assertTrue(assertThrows(UserException.class, () -> engine.evaluate(new EngineRequest.Evaluate(isic, "latest",
                null, null, null))).getMessage().endsWith("experiment x has no results yet; train it first (gan:train)"));
        EngineRequest.Project folder = project.project("experiments/f.yaml", null);
        assertEquals("experiments" + java.io.File.separator + "f.yaml: data.path is not set for format folder: "
                + "pass -Dgan.data=DIR (the folder of images) or add data.path",
                assertThrows(UserException.class,
                        () -> engine.train(new EngineRequest.Train(folder, false, true, List.of()))).getMessage());
        // gan:check only needs where the metrics and the baseline are
        String check = assertThrows(UserException.class,
                () -> engine.check(new EngineRequest.Check(isic, null, null, false, false, true))).getMessage();
        assertTrue(check.endsWith("no metrics yet; run mvn gan:train -Dgan.experiment=experiments"
                + java.io.File.separator + "x.yaml first, or pass -Dgan.metrics=FILE"), check);
        assertEquals(false, Files.exists(dir.resolve("reports/x")), "no run directory for a refused train");
    }
}
