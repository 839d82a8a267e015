package org.melanogans.engine.metrics;

/**
 * The Laplacian pyramid of the sliced Wasserstein distance, as the Progressive GAN's
 * {@code generate_laplacian_pyramid}: a 5x5 binomial filter [1,4,6,4,1]^T[1,4,6,4,1]/256 with
 * mirrored edges ({@code scipy.ndimage.convolve(mode='mirror')}: d c b | a b c d | c b a), down
 * takes every second filtered pixel, up inserts zeros and filters with 4 times the kernel. Level k
 * holds the image at side / 2^k minus the upsampled next level; the last level is the blurred image
 * itself. Images are planar float [channel][row][column] on the 0..255 scale.
 */
final class LaplacianPyramid {
    /** [1, 4, 6, 4, 1] / 16: one axis of the binomial filter. */
    private static final float[] TAPS = {1 / 16f, 4 / 16f, 6 / 16f, 4 / 16f, 1 / 16f};

    private LaplacianPyramid() {
    }

    /** The {@code levels} levels of a planar image of {@code side} x {@code side} x 3, finest first. */
    static float[][] of(float[] image, int side, int levels) {
        float[][] out = new float[levels][];
        float[] current = image.clone();
        int s = side;
        for (int k = 1; k < levels; k++) {
            float[] down = down(current, s);
            float[] up = up(down, s / 2);
            for (int i = 0; i < current.length; i++) {
                current[i] -= up[i];
            }
            out[k - 1] = current;
            current = down;
            s /= 2;
        }
        out[levels - 1] = current;
        return out;
    }

    /** Mirror index as scipy's 'mirror' mode: reflect about the first and the last pixel. */
    static int mirror(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        i = Math.floorMod(i, period);
        return i < n ? i : period - i;
    }

    /** mirror(i - 2, n) for i in 0 .. n + 3: the taps' sources, looked up instead of computed per tap. */
    private static int[] mirrored(int n) {
        int[] table = new int[n + 4];
        for (int i = 0; i < table.length; i++) {
            table[i] = mirror(i - 2, n);
        }
        return table;
    }

    /** Filter then keep every second pixel: side s -> s / 2. */
    static float[] down(float[] image, int s) {
        int h = s / 2;
        int[] m = mirrored(s);
        float t0 = TAPS[0];
        float t1 = TAPS[1];
        float t2 = TAPS[2];
        float t3 = TAPS[3];
        float t4 = TAPS[4];
        float[] padded = new float[s + 4];
        float[] rows = new float[3 * s * h];   // filtered along columns at even columns only
        for (int r = 0; r < 3 * s; r++) {
            int base = r * s;
            for (int i = 0; i < padded.length; i++) {
                padded[i] = image[base + m[i]];
            }
            int o = r * h;
            for (int x = 0; x < h; x++) {
                int p = 2 * x;
                rows[o + x] = t0 * padded[p] + t1 * padded[p + 1] + t2 * padded[p + 2] + t3 * padded[p + 3]
                        + t4 * padded[p + 4];
            }
        }
        float[] out = new float[3 * h * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                int r0 = (c * s + m[2 * y]) * h;
                int r1 = (c * s + m[2 * y + 1]) * h;
                int r2 = (c * s + m[2 * y + 2]) * h;
                int r3 = (c * s + m[2 * y + 3]) * h;
                int r4 = (c * s + m[2 * y + 4]) * h;
                int o = (c * h + y) * h;
                for (int x = 0; x < h; x++) {
                    out[o + x] = t0 * rows[r0 + x] + t1 * rows[r1 + x] + t2 * rows[r2 + x] + t3 * rows[r3 + x]
                            + t4 * rows[r4 + x];
                }
            }
        }
        return out;
    }

    /**
     * Insert zeros between pixels, then filter with 4 times the kernel: side s -> 2 s. Only the
     * taps that land on a kept pixel count: an even output takes its pixel and both neighbours
     * (weights 1, 6, 1 of 8), an odd one the two pixels beside it (4, 4 of 8). Mirrored about the
     * upsampled image's edge pixels, the left neighbour of pixel 0 is pixel 1 and the right
     * neighbour of the last pixel is the last pixel itself.
     */
    static float[] up(float[] image, int s) {
        int n = 2 * s;
        float e0 = 2 * TAPS[0];
        float e2 = 2 * TAPS[2];
        float e4 = 2 * TAPS[4];
        float o1 = 2 * TAPS[1];
        float o3 = 2 * TAPS[3];
        float[] padded = new float[s + 2];
        float[] rows = new float[3 * s * n];   // the kept rows, filtered along columns
        for (int r = 0; r < 3 * s; r++) {
            System.arraycopy(image, r * s, padded, 1, s);
            padded[0] = image[r * s + 1];
            padded[s + 1] = image[r * s + s - 1];
            int o = r * n;
            for (int j = 0; j < s; j++) {
                rows[o + 2 * j] = e0 * padded[j] + e2 * padded[j + 1] + e4 * padded[j + 2];
                rows[o + 2 * j + 1] = o1 * padded[j + 1] + o3 * padded[j + 2];
            }
        }
        float[] out = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < s; j++) {
                int before = (c * s + (j == 0 ? 1 : j - 1)) * n;
                int at = (c * s + j) * n;
                int after = (c * s + (j == s - 1 ? s - 1 : j + 1)) * n;
                int even = (c * n + 2 * j) * n;
                int odd = even + n;
                for (int x = 0; x < n; x++) {
                    out[even + x] = e0 * rows[before + x] + e2 * rows[at + x] + e4 * rows[after + x];
                    out[odd + x] = o1 * rows[at + x] + o3 * rows[after + x];
                }
            }
        }
        return out;
    }
}
