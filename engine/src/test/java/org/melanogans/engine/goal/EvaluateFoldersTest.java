package org.melanogans.engine.goal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.Json;
import org.melanogans.engine.TestProject;
import org.melanogans.engine.UserException;

/** gan:evaluate on two folders gives every metric, and a copy of the training set looks like one. */
class EvaluateFoldersTest {
    /** {@code n} smooth random 32 px images: a few coloured blobs on a skin-like ground. */
    private static Path folder(Path dir, int n, long seed) throws Exception {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            int cx = 8 + random.nextInt(16);
            int cy = 8 + random.nextInt(16);
            int r = 4 + random.nextInt(8);
            int colour = random.nextInt(0x606060);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    boolean inside = (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r;
                    image.setRGB(x, y, inside ? colour : 0xC8A08C + random.nextInt(8));
                }
            }
            ImageIO.write(image, "png", dir.resolve(String.format("i%03d.png", i)).toFile());
        }
        return dir;
    }

    private static JsonNode evaluate(TestProject project, String fake) {
        project.engine().evaluate(new EngineRequest.Evaluate(project.project(null, "metrics.ms_ssim_pairs=100,"
                + "metrics.swd_patches=32"), null, Path.of("real"), Path.of(fake), Path.of("out.json")));
        try {
            return Json.LENIENT.readTree(project.dir().resolve("out.json").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCopyOfTheTrainingSetIsACopyOnEveryMetric(@TempDir Path dir) throws Exception {
        folder(dir.resolve("real"), 120, 1);
        Files.createDirectories(dir.resolve("copy"));
        try (var files = Files.list(dir.resolve("real"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("copy").resolve(f.getFileName()));
            }
        }
        TestProject project = new TestProject(dir);
        JsonNode copy = evaluate(project, "copy");
        for (String field : new String[] {"emd", "js_divergence", "swd", "swd_levels", "swd_images", "ms_ssim",
                "ms_ssim_real", "ms_ssim_pairs", "nn_distance_median", "nn_distance_median_real", "copies"}) {
            assertTrue(copy.has(field), field + " in " + copy);
        }
        assertEquals(1.0, copy.path("copies").asDouble());
        assertEquals(copy.path("ms_ssim_real").asDouble(), copy.path("ms_ssim").asDouble());
        assertEquals(0.0, copy.path("swd").asDouble());
        assertEquals(0.0, copy.path("nn_distance_median").asDouble());

        folder(dir.resolve("other"), 120, 2);
        JsonNode other = evaluate(project, "other");
        assertEquals(0.0, other.path("copies").asDouble(), 0.1, "new images of the same kind are not copies");
        assertTrue(other.path("swd").asDouble() > 0);

        folder(dir.resolve("few"), 10, 3);
        String message = assertThrows(UserException.class, () -> evaluate(project, "few")).getMessage();
        assertEquals(dir.resolve("few") + " against " + dir.resolve("real") + ": metrics.ms_ssim_pairs asks for 100"
                + " distinct pairs, but 10 images give only 45; lower it (-Dgan.set=metrics.ms_ssim_pairs=45) or use"
                + " more images", message);
    }
}
