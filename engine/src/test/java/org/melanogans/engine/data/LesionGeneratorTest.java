package org.melanogans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.experiment.CropMode;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.GeneratedConfig;
import org.melanogans.engine.experiment.LesionClass;

class LesionGeneratorTest {
    @TempDir
    Path tmp;

    private static final EngineLog QUIET = EngineLog.QUIET;

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        GeneratedConfig c = new GeneratedConfig(12, 48, true, 42);
        Path a = LesionGenerator.generate(c, tmp.resolve("a"), QUIET);
        Path b = LesionGenerator.generate(c, tmp.resolve("b"), QUIET);
        Path other = LesionGenerator.generate(new GeneratedConfig(12, 48, true, 43), tmp.resolve("a"), QUIET);
        assertFalse(a.equals(other), "a different seed gets its own folder");
        int differing = 0;
        for (int i = 0; i < 12; i++) {
            String name = LesionGenerator.id(i) + ".jpg";
            byte[] x = Files.readAllBytes(a.resolve(LesionGenerator.IMAGES).resolve(name));
            assertArrayEquals(x, Files.readAllBytes(b.resolve(LesionGenerator.IMAGES).resolve(name)), name);
            if (!Arrays.equals(x, Files.readAllBytes(other.resolve(LesionGenerator.IMAGES).resolve(name)))) {
                differing++;
            }
        }
        assertEquals(12, differing);
        assertArrayEquals(Files.readAllBytes(a.resolve(LesionGenerator.LABELS)),
                Files.readAllBytes(b.resolve(LesionGenerator.LABELS)));
    }

    @Test
    void completeFolderIsNotRegenerated() throws IOException {
        GeneratedConfig c = new GeneratedConfig(3, 32, false, 1);
        Path dir = LesionGenerator.generate(c, tmp, QUIET);
        Path img = dir.resolve(LesionGenerator.IMAGES).resolve(LesionGenerator.id(0) + ".jpg");
        Files.write(img, new byte[] {1, 2, 3}); // a regeneration would overwrite this
        LesionGenerator.generate(c, tmp, QUIET);
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(img));
    }

    @Test
    void classesFollowIsicProportions() {
        Map<LesionClass, Integer> n = new EnumMap<>(LesionClass.class);
        LesionGenerator.classes(2000, 5).forEach(c -> n.merge(c, 1, Integer::sum));
        assertEquals(Map.of(LesionClass.NEVUS, 1372, LesionClass.SEBORRHEIC_KERATOSIS, 254, LesionClass.MELANOMA, 374), n);
    }

    /**
     * ABCD measured on the pixels: the lesion is what is clearly darker than the skin (the bright
     * 90th percentile inside the dermoscope field); melanoma must be larger and more varied in
     * colour than nevus on average, and SK lighter than either.
     */
    @Test
    void pixelStatisticsFollowTheAbcdRule() {
        int res = 64;
        DataConfig data = new DataConfig(DataFormat.GENERATED, null, null, null, EnumSet.allOf(LesionClass.class),
                res, CropMode.CENTER, 0, new GeneratedConfig(150, res, false, 9));
        long t0 = System.nanoTime();
        ImageSet set = DatasetLoader.load(data, tmp, QUIET);
        System.out.printf("generated + loaded 150 images at %d px in %.2f s%n", res, (System.nanoTime() - t0) / 1e9);
        double[] area = new double[3];
        double[] variance = new double[3];
        double[] luminance = new double[3];
        int[] count = new int[3];
        for (int i = 0; i < set.count(); i++) {
            double[] lum = new double[res * res];
            boolean[] field = new boolean[res * res];
            int o = i * set.bytesPerImage();
            double[] inField = new double[res * res];
            int nField = 0;
            for (int p = 0; p < res * res; p++) {
                int x = p % res;
                int y = p / res;
                lum[p] = 0.299 * (set.pixels()[o + 3 * p] & 0xFF) + 0.587 * (set.pixels()[o + 3 * p + 1] & 0xFF)
                        + 0.114 * (set.pixels()[o + 3 * p + 2] & 0xFF);
                field[p] = Math.hypot(x + 0.5 - res / 2.0, y + 0.5 - res / 2.0) < 0.45 * res;
                if (field[p]) {
                    inField[nField++] = lum[p];
                }
            }
            double[] sorted = Arrays.copyOf(inField, nField);
            Arrays.sort(sorted);
            double skin = sorted[(int) (0.9 * nField)];
            double[] sum = new double[3];
            double[] sq = new double[3];
            double lumSum = 0;
            int lesion = 0;
            for (int p = 0; p < res * res; p++) {
                if (field[p] && lum[p] < 0.85 * skin) {
                    lesion++;
                    lumSum += lum[p];
                    for (int c = 0; c < 3; c++) {
                        double v = set.pixels()[o + 3 * p + c] & 0xFF;
                        sum[c] += v;
                        sq[c] += v * v;
                    }
                }
            }
            int k = set.labels().get(i).ordinal();
            count[k]++;
            area[k] += (double) lesion / nField;
            if (lesion > 0) {
                for (int c = 0; c < 3; c++) {
                    variance[k] += sq[c] / lesion - (sum[c] / lesion) * (sum[c] / lesion);
                }
                luminance[k] += lumSum / lesion;
            }
        }
        int nev = LesionClass.NEVUS.ordinal();
        int sk = LesionClass.SEBORRHEIC_KERATOSIS.ordinal();
        int mel = LesionClass.MELANOMA.ordinal();
        for (int k = 0; k < 3; k++) {
            area[k] /= count[k];
            variance[k] /= count[k];
            luminance[k] /= count[k];
        }
        System.out.printf("area nevus %.3f sk %.3f melanoma %.3f; colour variance %.0f %.0f %.0f; lesion luminance %.0f %.0f %.0f%n",
                area[nev], area[sk], area[mel], variance[nev], variance[sk], variance[mel],
                luminance[nev], luminance[sk], luminance[mel]);
        assertEquals(150, count[0] + count[1] + count[2]);
        assertTrue(area[mel] > 1.5 * area[nev], "melanoma larger (diameter)");
        assertTrue(variance[mel] > 2 * variance[nev], "melanoma more colours");
        assertTrue(luminance[sk] > luminance[nev] && luminance[sk] > luminance[mel], "SK light brown / tan");
    }
}
