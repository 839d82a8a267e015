import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.Memorization;
import org.melanogans.engine.metrics.MsSsim;
import org.melanogans.engine.metrics.SlicedWasserstein;

/**
 * Times every metric of one model as a run computes it: {@code count} generated against {@code count}
 * real images of {@code side} px (smooth random images: the cost does not depend on what they show),
 * 2 threads. Prints one JSON line per side; bench/metrics_numpy.py is the same in numpy.
 *
 *   mvn -q -o install -DskipTests
 *   mvn -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=cp.txt
 *   TF_ENABLE_ONEDNN_OPTS=1 java -cp "engine/target/classes:$(cat cp.txt)" docs/tools/MetricsTime.java 64 2000
 */
public class MetricsTime {
    public static void main(String[] args) {
        int side = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        ImageSet real = images(count, side, 1);
        ImageSet fake = images(count, side, 2);
        long t0 = System.nanoTime();
        HistogramMetrics.between(ColorHistogram.of(real), ColorHistogram.of(fake));
        long t1 = System.nanoTime();
        SlicedWasserstein.between(real, fake, new SlicedWasserstein.Settings(128, 128, 4, 42, 2));
        long t2 = System.nanoTime();
        MsSsim.meanOverPairs(fake, 1000, 42);
        MsSsim.meanOverPairs(real, 1000, 42);
        long t3 = System.nanoTime();
        Memorization.of(real, fake, 2);
        long t4 = System.nanoTime();
        System.out.printf(Locale.ROOT, "{\"implementation\": \"java\", \"side\": %d, \"images\": %d, \"histograms_s\": %.3f,"
                + " \"swd_s\": %.3f, \"ms_ssim_s\": %.3f, \"memorization_s\": %.3f, \"total_s\": %.3f}%n", side, count,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, (t4 - t0) / 1e9);
    }

    /** Random blobs on a noisy ground. */
    static ImageSet images(int n, int side, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * side * side * 3];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("i" + i);
            int cx = random.nextInt(side);
            int cy = random.nextInt(side);
            int r = side / 8 + random.nextInt(side / 4);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean in = (x - cx) * (x - cx) + (y - cy) * (y - cy) < r * r;
                    int o = ((i * side + y) * side + x) * 3;
                    for (int c = 0; c < 3; c++) {
                        pixels[o + c] = (byte) ((in ? 60 + 30 * c : 200 - 20 * c) + random.nextInt(24));
                    }
                }
            }
        }
        return ImageSet.of(ids, null, side, pixels);
    }
}
