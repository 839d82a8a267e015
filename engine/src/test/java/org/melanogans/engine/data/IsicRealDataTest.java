package org.melanogans.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.SharedData;
import org.melanogans.engine.experiment.CropMode;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.LesionClass;

/** Real-data tests on ../shared/data/isic2017 (skipped when absent); together well under 30 s. */
class IsicRealDataTest {
    private static final String CSV = "ISIC-2017_Training_Part3_GroundTruth.csv";
    @TempDir
    Path cache;

    private static Path isic() {
        var dir = SharedData.isic2017();
        Assumptions.assumeTrue(dir.isPresent(), "ISIC 2017 data not present");
        return dir.get();
    }

    private static DataConfig config(Path isic, String images, Set<LesionClass> classes, int res) {
        return new DataConfig(DataFormat.ISIC2017, isic, images, CSV, classes, res, CropMode.CENTER, 0, null);
    }

    @Test
    void all2000AtSixtyFourPixelsWithPaperClassCounts() {
        Path isic = isic();
        long t0 = System.nanoTime();
        ImageSet all = DatasetLoader.load(config(isic, "ISIC-2017_Training_Data", EnumSet.allOf(LesionClass.class), 64),
                cache, EngineLog.STDOUT);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ISIC 2017: 2000 images decoded and resized to 64 px in %.2f s%n", seconds);
        Map<LesionClass, Integer> n = new EnumMap<>(LesionClass.class);
        all.labels().forEach(c -> n.merge(c, 1, Integer::sum));
        assertEquals(Map.of(LesionClass.NEVUS, 1372, LesionClass.SEBORRHEIC_KERATOSIS, 254, LesionClass.MELANOMA, 374), n);
        assertTrue(all.skipped().isEmpty(), all.skipped().toString());

        long t1 = System.nanoTime();
        ImageSet mel = DatasetLoader.load(config(isic, "ISIC-2017_Training_Data", Set.of(LesionClass.MELANOMA), 64),
                cache, EngineLog.STDOUT);
        System.out.printf("melanoma only: %.2f s%n", (System.nanoTime() - t1) / 1e9);
        assertEquals(374, mel.count());
        assertTrue(mel.labels().stream().allMatch(c -> c == LesionClass.MELANOMA));
    }

    @Test
    void aspectAndFullResolutionFoldersAreCroppedToSquares() {
        Path isic = isic();
        ImageSet aspect = DatasetLoader.load(config(isic, "ISIC-2017_Training_Data_aspect320",
                EnumSet.allOf(LesionClass.class), 32), cache, EngineLog.STDOUT);
        assertEquals(456, aspect.count());
        assertEquals(1544, aspect.skipped().size(), "CSV ids without a 320 px image are reported");
        assertEquals(32 * 32 * 3, aspect.bytesPerImage());

        long t0 = System.nanoTime();
        ImageSet full = DatasetLoader.load(config(isic, "full-resolution", EnumSet.allOf(LesionClass.class), 128),
                cache, EngineLog.STDOUT);
        System.out.printf("5 originals (up to 3872x2592) cropped and resized in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(java.util.List.of("ISIC_0000000", "ISIC_0000105", "ISIC_0000176", "ISIC_0000463", "ISIC_0000504"),
                full.ids());
        assertEquals(128, full.resolution());
        assertEquals(5 * 128 * 128 * 3, full.pixels().length);
        assertEquals(java.util.List.of(LesionClass.NEVUS, LesionClass.NEVUS, LesionClass.MELANOMA,
                LesionClass.MELANOMA, LesionClass.NEVUS), full.labels());
    }
}
