import java.util.Locale;
import java.util.Random;
import org.melanogans.engine.experiment.ClassifierOptimizer;
import org.melanogans.engine.usecase.ClassifierGraph;

/**
 * Times the use-case classifier's training step (ResNet-18, Adam) on random images, to size the
 * CPU experiments: milliseconds per step and images per second at each resolution and batch.
 * TensorFlow reads TF_ENABLE_ONEDNN_OPTS once per process; the engine process sets it to 1.
 *
 *   mvn -q -o install -DskipTests
 *   TF_ENABLE_ONEDNN_OPTS=1 java -cp "engine/target/classes:$(cat cp.txt)" docs/tools/ClassifierStepTime.java
 *   (cp.txt: mvn -q -o -pl engine dependency:build-classpath -Dmdep.outputFile=cp.txt)
 */
public class ClassifierStepTime {
    public static void main(String[] args) {
        int warmup = 3;
        int steps = 10;
        for (int[] c : new int[][] {{48, 16}, {48, 32}, {48, 64}, {64, 16}, {64, 32}}) {
            int res = c[0];
            int batch = c[1];
            try (ClassifierGraph graph = new ClassifierGraph(18, 3, res, batch, ClassifierOptimizer.ADAM, 1e-3f, 3, 2,
                    2)) {
                Random r = new Random(5);
                float[] images = new float[batch * res * res * 3];
                for (int i = 0; i < images.length; i++) {
                    images[i] = r.nextFloat() * 2 - 1;
                }
                int[] labels = new int[batch];
                for (int t = 1; t <= warmup; t++) {
                    graph.step(images, labels, t);
                }
                long t0 = System.nanoTime();
                for (int t = warmup + 1; t <= warmup + steps; t++) {
                    graph.step(images, labels, t);
                }
                double ms = (System.nanoTime() - t0) / 1e6 / steps;
                System.out.printf(Locale.ROOT, "ResNet-18 %d px, batch %d: %.1f ms/step, %.1f img/s%n", res, batch, ms,
                        batch * 1000 / ms);
            }
        }
    }
}
