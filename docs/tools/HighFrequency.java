import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.melanogans.engine.data.DatasetLoader;
import org.melanogans.engine.data.ImageDecoder;
import org.melanogans.engine.data.ImageResampler;
import org.melanogans.engine.data.RgbImage;
import org.melanogans.engine.experiment.CropMode;

/**
 * Evidence for the paper's qualitative claims ("noisier", "high frequency artifacts"), computed
 * from image folders: for each folder, the mean absolute Laplacian detail |I - up(down(I))| (2x2
 * box down, nearest up, 0..255 units, over every pixel and channel) and the fraction of channel
 * values at exactly 0 or 255 (clipped generator outputs). Images are read and brought to --side
 * with the engine's own decoder and resampler, so real images are measured exactly as training
 * sees them (the ISIC folder holds 256 px images; the samples are 64 px).
 *
 *   mvn -q -o install -DskipTests
 *   java -cp engine/target/classes docs/tools/HighFrequency.java --side 64 \
 *       ../shared/data/isic2017/ISIC-2017_Training_Data reports/table1-cpu/run-0001/samples/*
 */
public class HighFrequency {
    public static void main(String[] args) throws Exception {
        int side = 64;
        int first = 0;
        if (args.length > 1 && args[0].equals("--side")) {
            side = Integer.parseInt(args[1]);
            first = 2;
        }
        System.out.println("| folder | images | mean abs detail | clipped fraction |");
        System.out.println("| --- | --- | --- | --- |");
        for (int a = first; a < args.length; a++) {
            List<Path> files;
            try (Stream<Path> list = Files.list(Path.of(args[a]))) {
                files = list.filter(f -> DatasetLoader.IMAGE_EXTENSIONS.stream()
                        .anyMatch(e -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e))).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(args[a] + ": no images");
            }
            double detail = 0;
            long clipped = 0;
            long values = 0;
            for (Path f : files) {
                byte[] px = ImageResampler.prepare(ImageDecoder.decode(f), CropMode.CENTER, side).rgb();
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int by = y & ~1;
                        int bx = x & ~1;
                        for (int c = 0; c < 3; c++) {
                            double mean = (at(px, side, bx, by, c) + at(px, side, bx + 1, by, c)
                                    + at(px, side, bx, by + 1, c) + at(px, side, bx + 1, by + 1, c)) / 4.0;
                            int v = at(px, side, x, y, c);
                            detail += Math.abs(v - mean);
                            clipped += v == 0 || v == 255 ? 1 : 0;
                            values++;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.5f |%n", args[a], files.size(), detail / values,
                    clipped / (double) values);
        }
    }

    private static int at(byte[] rgb, int side, int x, int y, int c) {
        return rgb[(y * side + x) * 3 + c] & 0xFF;
    }
}
