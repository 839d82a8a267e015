package org.melanogans.engine.metrics;

/**
 * Sorts floats by their bits: three passes of an 11-bit counting sort over keys that order like
 * the floats themselves. The sliced Wasserstein distance sorts thousands of rows of a quarter of a
 * million projections; this is several times faster than {@code Arrays.sort} there.
 */
final class RadixSort {
    private static final int BITS = 11;
    private static final int BUCKETS = 1 << BITS;

    private final int[] keys;
    private final int[] spare;
    private final int[] counts = new int[BUCKETS];

    RadixSort(int capacity) {
        keys = new int[capacity];
        spare = new int[capacity];
    }

    /** Sorts {@code values[from, from + n)} ascending into {@code out[0, n)} (NaN is not expected). */
    void sort(float[] values, int from, int n, float[] out) {
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(values[from + i]);
            keys[i] = bits ^ ((bits >> 31) | 0x80000000);   // negative: all bits flipped; positive: sign set
        }
        int[] src = keys;
        int[] dst = spare;
        for (int shift = 0; shift < 32; shift += BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(src[i] >>> shift) & (BUCKETS - 1)]++;
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int k = src[i];
                dst[counts[(k >>> shift) & (BUCKETS - 1)]++] = k;
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        for (int i = 0; i < n; i++) {
            int k = src[i];
            int bits = (k & 0x80000000) != 0 ? k ^ 0x80000000 : ~k;
            out[i] = Float.intBitsToFloat(bits);
        }
    }
}
