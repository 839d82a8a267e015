import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Evidence for the paper's qualitative claims ("noisier", "high frequency artifacts"), computed
 * from image folders: for each folder, the mean absolute Laplacian detail |I - up(down(I))| (2x2
 * box down, nearest up, 0..255 units, over every pixel and channel) and the fraction of channel
 * values at exactly 0 or 255 (clipped generator outputs). Images larger than --side are
 * box-averaged down to it first (the ISIC folder holds 256 px images; the samples are 64 px).
 *
 *   java docs/tools/HighFrequency.java --side 64 ../shared/data/isic2017/ISIC-2017_Training_Data \
 *       reports/table1-cpu/run-0001/samples/*
 */
public class HighFrequency {
    public static void main(String[] args) throws IOException {
        int side = 64;
        int first = 0;
        if (args.length > 1 && args[0].equals("--side")) {
            side = Integer.parseInt(args[1]);
            first = 2;
        }
        System.out.println("| folder | images | mean abs detail | clipped fraction |");
        System.out.println("| --- | --- | --- | --- |");
        for (int a = first; a < args.length; a++) {
            File[] files = new File(args[a]).listFiles((d, n) -> n.matches("(?i).*\\.(png|jpe?g)$"));
            if (files == null || files.length == 0) {
                throw new IllegalArgumentException(args[a] + ": no PNG or JPEG images");
            }
            Arrays.sort(files);
            double detail = 0;
            double clipped = 0;
            long values = 0;
            for (File f : files) {
                BufferedImage img = ImageIO.read(f);
                if (img == null || img.getWidth() != img.getHeight() || img.getWidth() % side != 0) {
                    throw new IllegalArgumentException(f + ": not a square image whose side is a multiple of " + side);
                }
                double[][] px = boxDown(img, img.getWidth() / side, side);
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < side; y++) {
                        for (int x = 0; x < side; x++) {
                            int by = y & ~1;
                            int bx = x & ~1;
                            double mean = (px[c][by * side + bx] + px[c][by * side + bx + 1]
                                    + px[c][(by + 1) * side + bx] + px[c][(by + 1) * side + bx + 1]) / 4;
                            double v = px[c][y * side + x];
                            detail += Math.abs(v - mean);
                            clipped += (v == 0 || v == 255) ? 1 : 0;
                            values++;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.5f |%n", args[a], files.length, detail / values,
                    clipped / values);
        }
    }

    /** Channel planes of the image box-averaged by {@code factor} to side x side. */
    private static double[][] boxDown(BufferedImage img, int factor, int side) {
        double[][] out = new double[3][side * side];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int i = (y / factor) * side + x / factor;
                out[0][i] += (rgb >> 16) & 0xFF;
                out[1][i] += (rgb >> 8) & 0xFF;
                out[2][i] += rgb & 0xFF;
            }
        }
        double n = (double) factor * factor;
        for (double[] plane : out) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] /= n;
            }
        }
        return out;
    }
}
