import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.data.DatasetLoader;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.CropMode;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.LesionClass;
import org.melanogans.engine.metrics.HistogramFloor;
import org.melanogans.engine.metrics.HistogramMetrics;

/**
 * The sampling-noise floor of the histogram metrics: EMD and JS divergence between two random
 * halves of the real training images (1000 against 1000), for several seeds, computed with the
 * engine's own data loader and metrics. A model cannot be told apart from another by a difference
 * smaller than this spread.
 *
 *   mvn -q -o install -DskipTests
 *   java -cp engine/target/classes docs/tools/RealHalves.java ../shared/data/isic2017 64 reports/.cache
 */
public class RealHalves {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int resolution = Integer.parseInt(args[1]);
        DataConfig config = new DataConfig(DataFormat.ISIC2017, dir, "ISIC-2017_Training_Data",
                "ISIC-2017_Training_Part3_GroundTruth.csv", EnumSet.allOf(LesionClass.class), resolution,
                CropMode.CENTER, 0, null);
        ImageSet images = DatasetLoader.load(config, Path.of(args[2]), EngineLog.STDOUT);
        int n = images.count();
        for (long seed = 1; seed <= HistogramFloor.SPLITS; seed++) {
            HistogramMetrics m = HistogramFloor.halves(images, seed);
            System.out.printf(Locale.ROOT, "seed %d: EMD %.5f, JS divergence %.5f (%d vs %d images at %d px)%n",
                    seed, m.emd(), m.jsDivergence(), n / 2, n - n / 2, resolution);
        }
    }
}
