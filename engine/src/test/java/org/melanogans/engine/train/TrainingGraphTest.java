package org.melanogans.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.TrainConfig;

class TrainingGraphTest {
    static final TrainConfig TRAIN = new TrainConfig(1, 4, 2e-4, 0.5, 0.999, 10, 2, 2, false);

    static float[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) r.nextGaussian();
        }
        return out;
    }

    @Test
    void generatorOutputHasTheResolutionAndTanhRange() {
        ModelConfig m = new ModelConfig("dcgan", ModelType.DCGAN, 8, 8);
        try (TrainingGraph g = new TrainingGraph(m, TRAIN, 16, 1)) {
            float[] out = g.generate(gaussian(4 * 8, 3));
            assertEquals(4 * 16 * 16 * 3, out.length);
            for (float v : out) {
                assertTrue(v >= -1 && v <= 1, "tanh range");
            }
        }
    }

    @Test
    void sameSeedGivesSameWeightsAndOtherSeedDifferent() {
        ModelConfig m = new ModelConfig("dcgan", ModelType.DCGAN, 8, 8);
        float[] z = gaussian(4 * 8, 3);
        float[] a;
        float[] b;
        float[] c;
        try (TrainingGraph g = new TrainingGraph(m, TRAIN, 16, 1)) {
            a = g.generate(z);
        }
        try (TrainingGraph g = new TrainingGraph(m, TRAIN, 16, 1)) {
            b = g.generate(z);
        }
        try (TrainingGraph g = new TrainingGraph(m, TRAIN, 16, 2)) {
            c = g.generate(z);
        }
        assertArrayEquals(a, b);
        assertNotEquals(a[0], c[0]);
    }

    @Test
    void parameterCountsFollowTheArchitecture() {
        // 16 px, base 8: G channels 16 -> 8 -> 3, D mirrors.
        ModelConfig m = new ModelConfig("dcgan", ModelType.DCGAN, 8, 8);
        try (TrainingGraph g = new TrainingGraph(m, TRAIN, 16, 1)) {
            long dense = 8 * 16 * 16 + 16 * 16 + 2 * 16;
            long up0 = 4 * 4 * 16 * 8 + 2 * 8;
            long up1 = 4 * 4 * 8 * 3 + 3;
            assertEquals(dense + up0 + up1, g.generatorParameterCount());
            long down0 = 4 * 4 * 3 * 8 + 8;
            long down1 = 4 * 4 * 8 * 16 + 2 * 16;
            long fc = 16 * 16 + 1;
            assertEquals(down0 + down1 + fc, g.discriminatorParameterCount());
        }
    }
}
