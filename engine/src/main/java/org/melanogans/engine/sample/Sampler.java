package org.melanogans.engine.sample;

import org.melanogans.engine.train.NoiseSource;
import org.melanogans.engine.train.TrainingGraph;

/**
 * Draws samples from a trained generator. Sample i always gets the same noise for a given seed,
 * whatever the count, so sample sets of different sizes share their first images.
 */
public final class Sampler {
    private static final long SAMPLE_STREAM = 0x5A3B1EL;

    private Sampler() {
    }

    /** Receives each sample as res x res x 3 unsigned bytes (R G B, rows top to bottom). */
    @FunctionalInterface
    public interface Sink {
        void accept(int index, byte[] rgb);
    }

    /** Generates {@code count} samples in batches of the graph's batch size. */
    public static void sample(TrainingGraph graph, int count, long seed, Sink sink) {
        int batch = graph.batch();
        int zDim = graph.model().zDim();
        int res = graph.model().resolution();
        int perImage = res * res * 3;
        float[] noise = new float[batch * zDim];
        float[] one = new float[zDim];
        for (int start = 0; start < count; start += batch) {
            for (int i = 0; i < batch; i++) {
                // noise per sample index; indices past count only pad the last batch
                NoiseSource.fill(one, seed ^ SAMPLE_STREAM, start + i);
                System.arraycopy(one, 0, noise, i * zDim, zDim);
            }
            float[] images = graph.generate(noise);
            for (int i = 0; i < batch && start + i < count; i++) {
                byte[] rgb = new byte[perImage];
                for (int j = 0; j < perImage; j++) {
                    rgb[j] = toByte(images[i * perImage + j]);
                }
                sink.accept(start + i, rgb);
            }
        }
    }

    /** [-1, 1] -> 0..255, rounded to nearest. */
    static byte toByte(float v) {
        int x = Math.round((v + 1f) * 127.5f);
        return (byte) Math.max(0, Math.min(255, x));
    }
}
