package org.melanogans.engine.model.classifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.ClassifierOptimizer;
import org.melanogans.engine.usecase.ClassifierGraph;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

class ResNetTest {
    private static long[] counts(int depth, int classes) {
        try (Graph g = new Graph()) {
            ResNet net = new ResNet(Ops.create(g), "r", depth, classes, 1);
            long state = net.parameters().state().stream().mapToLong(v -> v.shape().size()).sum();
            return new long[] {net.parameters().count(), state};
        }
    }

    @Test
    void parameterCountsMatchTheReferenceArchitectures() {
        // torchvision's resnet18 / resnet50 (11,689,512 / 25,557,032 with a 1000-class head, convolutions
        // without bias) with the head swapped for 3 classes: - (512|2048 x 1000 + 1000) + (512|2048 x 3 + 3)
        assertEquals(11_689_512L - 513_000 + 1_539, counts(18, 3)[0]);
        assertEquals(25_557_032L - 2_049_000 + 6_147, counts(50, 3)[0]);
        // Keras ResNet50 has 53,120 non-trainable values: the moving mean and variance of every batch norm
        assertEquals(53_120L, counts(50, 3)[1]);
        assertEquals(2L * 4800, counts(18, 3)[1]);
        assertThrows(IllegalArgumentException.class, () -> counts(34, 3));
    }

    @Test
    void aPredictionDoesNotDependOnTheRestOfItsBatch() {
        try (ClassifierGraph graph = new ClassifierGraph(18, 3, 32, 4, ClassifierOptimizer.ADAM, 1e-3f, 3, 2, 2)) {
            Random r = new Random(2);
            float[] images = new float[4 * 32 * 32 * 3];
            for (int i = 0; i < images.length; i++) {
                images[i] = r.nextFloat() * 2 - 1;
            }
            int[] labels = {0, 1, 2, 1};
            for (int t = 1; t <= 3; t++) {
                graph.step(images, labels, t);   // moves the running averages away from 0 and 1
            }
            double[][] alone = graph.predict(java.util.Arrays.copyOf(images, 32 * 32 * 3), 1);
            double[][] together = graph.predict(images, 4);
            assertArrayEquals(together[0], alone[0], 1e-5, "inference uses the running averages");
            assertEquals(1.0, together[0][0] + together[0][1] + together[0][2], 1e-5);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ClassifierOptimizer.class)
    void eachOptimizerFitsOneBatch(ClassifierOptimizer optimizer) {
        try (ClassifierGraph graph = new ClassifierGraph(18, 3, 32, 4, optimizer, 1e-2f, 3, 2, 2)) {
            Random r = new Random(5);
            float[] images = new float[4 * 32 * 32 * 3];
            for (int i = 0; i < images.length; i++) {
                images[i] = r.nextFloat() * 2 - 1;
            }
            int[] labels = {0, 1, 2, 1};
            float first = graph.step(images, labels, 1);
            float last = first;
            for (int t = 2; t <= 15; t++) {
                last = graph.step(images, labels, t);
            }
            org.junit.jupiter.api.Assertions.assertTrue(last < first / 2, optimizer + ": loss " + first + " -> " + last);
        }
    }
}
