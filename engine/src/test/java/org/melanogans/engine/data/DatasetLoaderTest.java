package org.melanogans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.CropMode;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.LesionClass;

class DatasetLoaderTest {
    @TempDir
    Path root;
    Path cache;
    final List<String> infos = new ArrayList<>();
    final List<String> warns = new ArrayList<>();
    final EngineLog log = new EngineLog() {
        @Override
        public void info(String m) {
            infos.add(m);
        }

        @Override
        public void warn(String m) {
            warns.add(m);
        }

        @Override
        public void debug(String m) {
        }
    };

    /** Image k is an 8x8 PNG of 2x2 blocks whose value is k*10 + 2*block index: block means are known. */
    private static void writeImage(Path file, int k) throws IOException {
        BufferedImage im = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int v = k * 10 + 2 * ((y / 2) * 4 + x / 2);
                im.setRGB(x, y, v << 16 | (255 - v) << 8 | 7);
            }
        }
        ImageIO.write(im, "png", file.toFile());
    }

    @BeforeEach
    void layout() throws IOException {
        cache = root.resolve("cache");
        Path images = Files.createDirectories(root.resolve("isic").resolve("imgs"));
        // ISIC_3 has no image, ISIC_9.png has no row, notes.txt is not an image.
        Files.writeString(root.resolve("isic").resolve("gt.csv"), IsicLabels.HEADER + "\n"
                + "ISIC_2,1.0,0.0\nISIC_0,0.0,0.0\nISIC_1,0.0,1.0\nISIC_3,0.0,0.0\nISIC_4,1.0,0.0\nISIC_5,0.0,0.0\n");
        for (int k : new int[] {0, 1, 2, 4, 5, 9}) {
            writeImage(images.resolve("ISIC_" + k + ".png"), k);
        }
        Files.writeString(images.resolve("notes.txt"), "x");
    }

    private DataConfig isic(Set<LesionClass> classes, int resolution, int limit) {
        return new DataConfig(DataFormat.ISIC2017, root.resolve("isic"), "imgs", "gt.csv", classes, resolution,
                CropMode.CENTER, limit, null);
    }

    private static final Set<LesionClass> ALL = EnumSet.allOf(LesionClass.class);

    @Test
    void joinsCsvFiltersLimitsAndReportsSkipped() {
        ImageSet all = DatasetLoader.load(isic(ALL, 4, 0), cache, log);
        assertEquals(List.of("ISIC_0", "ISIC_1", "ISIC_2", "ISIC_4", "ISIC_5"), all.ids());
        assertEquals(List.of(LesionClass.NEVUS, LesionClass.SEBORRHEIC_KERATOSIS, LesionClass.MELANOMA,
                LesionClass.MELANOMA, LesionClass.NEVUS), all.labels());
        assertEquals(2, all.skipped().size(), all.skipped().toString());
        assertTrue(all.skipped().stream().anyMatch(s -> s.startsWith("ISIC_9.png")));
        assertTrue(all.skipped().stream().anyMatch(s -> s.startsWith("ISIC_3 ")));
        assertEquals(1, warns.size());
        assertTrue(warns.get(0).contains("skipped 2") && warns.get(0).contains("ISIC_9.png"), warns.get(0));

        // Pixels: 8 -> 4 is the mean of each 2x2 block, i.e. exactly the block value.
        int[] block = {0, 1, 2, 3};
        for (int i = 0; i < all.count(); i++) {
            int k = Integer.parseInt(all.ids().get(i).substring(5));
            for (int b : block) {
                int o = i * all.bytesPerImage() + b * 3;
                assertEquals(k * 10 + 2 * b, all.pixels()[o] & 0xFF);
                assertEquals(255 - (k * 10 + 2 * b), all.pixels()[o + 1] & 0xFF);
            }
        }

        ImageSet mel = DatasetLoader.load(isic(Set.of(LesionClass.MELANOMA), 4, 0), cache, log);
        assertEquals(List.of("ISIC_2", "ISIC_4"), mel.ids());
        ImageSet firstTwo = DatasetLoader.load(isic(ALL, 4, 2), cache, log);
        assertEquals(List.of("ISIC_0", "ISIC_1"), firstTwo.ids());
    }

    @Test
    void cacheHitsAndIsInvalidatedByImageBytesAndResolution() throws IOException {
        ImageSet first = DatasetLoader.load(isic(ALL, 4, 0), cache, log);
        assertTrue(infos.get(0).contains("decoded 5 images"), infos.get(0));
        ImageSet second = DatasetLoader.load(isic(ALL, 4, 0), cache, log);
        assertTrue(infos.get(1).contains("from cache"), infos.get(1));
        assertEquals(first.sha256(), second.sha256());
        assertArrayEquals(first.pixels(), second.pixels());
        assertEquals(first.ids(), second.ids());
        assertEquals(first.labels(), second.labels());

        // One changed pixel in one image must not reuse the cache.
        Path img = root.resolve("isic/imgs/ISIC_4.png");
        BufferedImage im = ImageIO.read(img.toFile());
        im.setRGB(0, 0, 0xFFFFFF);
        ImageIO.write(im, "png", img.toFile());
        ImageSet changed = DatasetLoader.load(isic(ALL, 4, 0), cache, log);
        assertTrue(infos.get(2).contains("decoded"), infos.get(2));
        assertNotEquals(first.sha256(), changed.sha256());

        ImageSet res2 = DatasetLoader.load(isic(ALL, 2, 0), cache, log);
        assertTrue(infos.get(3).contains("decoded"), infos.get(3));
        assertEquals(2, res2.resolution());
    }

    @Test
    void corruptCacheIsIgnoredAndRebuilt() throws IOException {
        ImageSet first = DatasetLoader.load(isic(ALL, 4, 0), cache, log);
        List<Path> files;
        try (Stream<Path> s = Files.list(cache)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("data-")).toList();
        }
        assertEquals(1, files.size());
        byte[] bytes = Files.readAllBytes(files.get(0));
        Files.write(files.get(0), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        warns.clear();
        ImageSet again = DatasetLoader.load(isic(ALL, 4, 0), cache, log);
        assertTrue(warns.stream().anyMatch(w -> w.contains("unusable")), warns.toString());
        assertEquals(first.sha256(), again.sha256());
        // Rebuilt: the next load is a hit again.
        DatasetLoader.load(isic(ALL, 4, 0), cache, log);
        assertTrue(infos.get(infos.size() - 1).contains("from cache"));
    }

    @Test
    void folderFormatHasNoLabelsAndReportsOtherFiles() {
        DataConfig folder = new DataConfig(DataFormat.FOLDER, root.resolve("isic/imgs"), null, null, ALL, 4,
                CropMode.NONE, 0, null);
        ImageSet set = DatasetLoader.load(folder, cache, log);
        assertNull(set.labels());
        assertEquals(List.of("ISIC_0", "ISIC_1", "ISIC_2", "ISIC_4", "ISIC_5", "ISIC_9"), set.ids());
        assertEquals(1, set.skipped().size());
        assertTrue(set.skipped().get(0).startsWith("notes.txt"));
    }

    @Test
    void userMistakesNameWhatToFix() throws IOException {
        String noDir = assertThrows(UserException.class, () -> DatasetLoader.load(new DataConfig(DataFormat.ISIC2017,
                root.resolve("nope"), "imgs", "gt.csv", ALL, 4, CropMode.CENTER, 0, null), cache, log)).getMessage();
        assertTrue(noDir.startsWith("data.path:") && noDir.contains("nope"), noDir);
        String noCsv = assertThrows(UserException.class, () -> DatasetLoader.load(new DataConfig(DataFormat.ISIC2017,
                root.resolve("isic"), "imgs", "other.csv", ALL, 4, CropMode.CENTER, 0, null), cache, log)).getMessage();
        assertTrue(noCsv.startsWith("data.labels:") && noCsv.contains("other.csv"), noCsv);
        Files.write(root.resolve("isic/imgs/ISIC_5.png"), new byte[0]);
        String bad = assertThrows(UserException.class, () -> DatasetLoader.load(isic(ALL, 4, 0), cache, log))
                .getMessage();
        assertTrue(bad.contains("ISIC_5.png") && bad.contains("0 bytes"), bad);
        Path empty = Files.createDirectories(root.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "no images here");
        assertEquals(empty + ": no images (.jpg, .jpeg, .png, .bmp) in this folder, only other files; point "
                + "data.path at a folder of images", assertThrows(UserException.class, () -> DatasetLoader.load(
                new DataConfig(DataFormat.FOLDER, empty, null, null, ALL, 4, CropMode.NONE, 0, null), cache, log))
                .getMessage());
    }
}
