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

    /** Filter then keep every second pixel: side s -> s / 2. */
    static float[] down(float[] image, int s) {
        int h = s / 2;
        float[] rows = new float[3 * s * h];   // filtered along columns at even columns only
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < s; y++) {
                int base = (c * s + y) * s;
                for (int x = 0; x < h; x++) {
                    float sum = 0;
                    for (int t = -2; t <= 2; t++) {
                        sum += TAPS[t + 2] * image[base + mirror(2 * x + t, s)];
                    }
                    rows[(c * s + y) * h + x] = sum;
                }
            }
        }
        float[] out = new float[3 * h * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < h; x++) {
                    float sum = 0;
                    for (int t = -2; t <= 2; t++) {
                        sum += TAPS[t + 2] * rows[(c * s + mirror(2 * y + t, s)) * h + x];
                    }
                    out[(c * h + y) * h + x] = sum;
                }
            }
        }
        return out;
    }

    /** Insert zeros between pixels, then filter with 4 times the kernel: side s -> 2 s. */
    static float[] up(float[] image, int s) {
        int n = 2 * s;
        float[] sparse = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    sparse[(c * n + 2 * y) * n + 2 * x] = image[(c * s + y) * s + x];
                }
            }
        }
        float[] rows = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < n; y++) {
                int base = (c * n + y) * n;
                for (int x = 0; x < n; x++) {
                    float sum = 0;
                    for (int t = -2; t <= 2; t++) {
                        sum += 2 * TAPS[t + 2] * sparse[base + mirror(x + t, n)];
                    }
                    rows[base + x] = sum;
                }
            }
        }
        float[] out = new float[3 * n * n];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    float sum = 0;
                    for (int t = -2; t <= 2; t++) {
                        sum += 2 * TAPS[t + 2] * rows[(c * n + mirror(y + t, n)) * n + x];
                    }
                    out[(c * n + y) * n + x] = sum;
                }
            }
        }
        return out;
    }
}
