package org.melanogans.engine.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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

    /** Receives each sample at every scale of the model, coarsest first. */
    @FunctionalInterface
    public interface ScalesSink {
        void accept(int index, List<byte[]> rgbPerScale);
    }

    /** Generates {@code count} final-scale samples in batches of the graph's batch size. */
    public static void sample(TrainingGraph graph, int count, long seed, Sink sink) {
        run(graph, count, seed, noise -> List.of(graph.generate(noise)), (i, images) -> sink.accept(i, images.get(0)));
    }

    /** Generates {@code count} samples at every scale (the same samples as {@link #sample}). */
    public static void sampleScales(TrainingGraph graph, int count, long seed, ScalesSink sink) {
        run(graph, count, seed, graph::generateScales, sink);
    }

    private static void run(TrainingGraph graph, int count, long seed, Function<float[], List<float[]>> generate,
                            ScalesSink sink) {
        int batch = graph.batch();
        int noiseSize = graph.model().noiseSize();
        float[] noise = new float[batch * noiseSize];
        float[] one = new float[noiseSize];
        for (int start = 0; start < count; start += batch) {
            for (int i = 0; i < batch; i++) {
                // noise per sample index; indices past count only pad the last batch
                NoiseSource.fill(one, seed ^ SAMPLE_STREAM, start + i);
                System.arraycopy(one, 0, noise, i * noiseSize, noiseSize);
            }
            List<float[]> scales = generate.apply(noise);
            for (int i = 0; i < batch && start + i < count; i++) {
                List<byte[]> rgb = new ArrayList<>();
                for (float[] images : scales) {
                    int perImage = images.length / batch;
                    byte[] one8 = new byte[perImage];
                    for (int j = 0; j < perImage; j++) {
                        one8[j] = toByte(images[i * perImage + j]);
                    }
                    rgb.add(one8);
                }
                sink.accept(start + i, rgb);
            }
        }
    }

    /** [-1, 1] -> 0..255, rounded to nearest; values outside are clipped. */
    static byte toByte(float v) {
        int x = Math.round((v + 1f) * 127.5f);
        return (byte) Math.max(0, Math.min(255, x));
    }
}
