package org.melanogans.engine.train;

import java.util.Random;

/**
 * Gaussian noise derived from (seed, index) alone, so any step's or sample's noise can be
 * recreated without replaying the ones before it: a resumed run draws exactly what an
 * uninterrupted one would have.
 */
public final class NoiseSource {
    private NoiseSource() {
    }

    /** Fills {@code out} with N(0, 1) values for the given stream index. */
    public static void fill(float[] out, long seed, long index) {
        Random random = new Random(mix(seed, index));
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) random.nextGaussian();
        }
    }

    /** A well-spread 64-bit seed from two inputs (SplitMix64 finaliser). */
    public static long mix(long seed, long index) {
        long x = seed * 0x9E3779B97F4A7C15L + index;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
