package org.melanogans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;

class FolderEvaluationTest {
    @TempDir
    Path tmp;

    private static void write(Path file, String format, int width, int[] rgbPixels) throws IOException {
        BufferedImage image = new BufferedImage(width, rgbPixels.length / width, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < rgbPixels.length; i++) {
            image.setRGB(i % width, i / width, rgbPixels[i]);
        }
        assertTrue(ImageIO.write(image, format, file.toFile()));
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    @Test
    void solidColoursGiveHandComputedMetrics() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path fake = Files.createDirectory(tmp.resolve("fake"));
        int a = rgb(10, 20, 30);
        write(real.resolve("a.png"), "png", 2, new int[] {a, a, a, a});
        int b = rgb(40, 20, 0);
        write(fake.resolve("b.PNG"), "png", 3, new int[] {b, b, b});
        Files.writeString(fake.resolve("notes.txt"), "not an image");

        HistogramMetrics m = FolderEvaluation.evaluate(real, fake);
        // R: 10 vs 40, G identical, B: 30 vs 0.
        assertEquals(30 / 255.0, m.perChannel().r().emd(), 1e-9);
        assertEquals(0, m.perChannel().g().emd(), 1e-9);
        assertEquals(30 / 255.0, m.perChannel().b().emd(), 1e-9);
        assertEquals(20 / 255.0, m.emd(), 1e-9);
        // Disjoint point masses in R and B (ln 2, distance 1), identical in G (0).
        assertEquals(2 * Math.log(2) / 3, m.jsDivergence(), 1e-9);
        assertEquals(2.0 / 3, m.jsDivergenceBase2(), 1e-9);
        assertEquals(2.0 / 3, m.jsDistance(), 1e-9);
    }

    @Test
    void poolsAllImagesOfAFolderAndIgnoresSubfolders() throws IOException {
        Path real = Files.createDirectory(tmp.resolve("real"));
        Path fake = Files.createDirectory(tmp.resolve("fake"));
        write(real.resolve("1.png"), "png", 1, new int[] {0});
        write(real.resolve("2.bmp"), "bmp", 1, new int[] {0});
        Path nested = Files.createDirectory(real.resolve("nested"));
        write(nested.resolve("white.png"), "png", 1, new int[] {0xFFFFFF});
        // A two-colour image: half black, half white.
        write(fake.resolve("two.png"), "png", 2, new int[] {0, 0xFFFFFF});

        assertEquals(List.of(real.resolve("1.png"), real.resolve("2.bmp")), FolderEvaluation.images(real));
        HistogramMetrics m = FolderEvaluation.evaluate(real, fake);
        // delta_0 against (delta_0 + delta_255) / 2 in every channel:
        // EMD = 1/2, JS = 3/2 ln 2 - 3/4 ln 3 nats.
        double js = 1.5 * Math.log(2) - 0.75 * Math.log(3);
        assertEquals(0.5, m.emd(), 1e-9);
        assertEquals(js, m.jsDivergence(), 1e-9);
        assertEquals(js / Math.log(2), m.jsDivergenceBase2(), 1e-9);
        assertEquals(Math.sqrt(js / Math.log(2)), m.jsDistance(), 1e-9);
        assertEquals(FolderEvaluation.histogram(fake).pixels(), 2);
    }

    @Test
    void missingOrEmptyFolderIsAUserMistakeNamingIt() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "x");
        Path missing = tmp.resolve("missing");
        UserException e = assertThrows(UserException.class, () -> FolderEvaluation.evaluate(empty, missing));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no images"), e.getMessage());
        write(empty.resolve("x.png"), "png", 1, new int[] {0});
        e = assertThrows(UserException.class, () -> FolderEvaluation.evaluate(empty, missing));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
