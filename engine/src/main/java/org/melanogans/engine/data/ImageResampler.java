package org.melanogans.engine.data;

import org.melanogans.engine.experiment.CropMode;

/**
 * Crops and resizes {@link RgbImage}s in plain Java, with exact integer arithmetic so the result
 * does not depend on the platform or on Java2D's scaling hints.
 *
 * <p>Downsampling (per axis) is area averaging: each output pixel is the mean of the source
 * area it covers, source pixels partly covered counting by their covered fraction (the box filter
 * of OpenCV {@code INTER_AREA} and PIL {@code BOX}); for an integer factor this is the plain block
 * mean. Upsampling (per axis, when the source is smaller than the target) is bilinear with
 * pixel centres at {@code i + 0.5} and edge clamping (OpenCV {@code INTER_LINEAR}), since area
 * averaging is undefined there. The two axes are independent, so a squashed non-square image may
 * shrink along one axis and grow along the other. Results round to the nearest integer, halves up.
 */
public final class ImageResampler {
    private ImageResampler() {
    }

    /** Crops (per {@code crop}) and resizes {@code image} to a {@code side} x {@code side} square. */
    public static RgbImage prepare(RgbImage image, CropMode crop, int side) {
        RgbImage square = crop == CropMode.CENTER ? centerCrop(image) : image;
        return resize(square, side, side);
    }

    /**
     * The largest centred square: side {@code min(w, h)}, offset {@code floor((w - side) / 2)}
     * (and the same for rows), so an odd surplus leaves the extra pixel on the right/bottom.
     */
    public static RgbImage centerCrop(RgbImage image) {
        int w = image.width();
        int h = image.height();
        int side = Math.min(w, h);
        if (w == h) {
            return image;
        }
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        byte[] out = new byte[side * side * 3];
        for (int y = 0; y < side; y++) {
            System.arraycopy(image.rgb(), ((y0 + y) * w + x0) * 3, out, y * side * 3, side * 3);
        }
        return new RgbImage(image.name(), side, side, out);
    }

    /** Resizes to {@code width} x {@code height} (area averaging down, bilinear up; see class doc). */
    public static RgbImage resize(RgbImage image, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size " + width + "x" + height);
        }
        int w = image.width();
        int h = image.height();
        if (w == width && h == height) {
            return image;
        }
        Axis ax = Axis.of(w, width);
        Axis ay = Axis.of(h, height);
        byte[] src = image.rgb();
        // Horizontal pass: per source row, integer sums with denominator ax.denominator.
        int[] tmp = new int[h * width * 3];
        for (int y = 0; y < h; y++) {
            int rowIn = y * w * 3;
            int rowOut = y * width * 3;
            for (int x = 0; x < width; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = ax.start[x]; k < ax.start[x + 1]; k++) {
                    int s = rowIn + ax.index[k] * 3;
                    int wt = ax.weight[k];
                    r += (src[s] & 0xFF) * wt;
                    g += (src[s + 1] & 0xFF) * wt;
                    b += (src[s + 2] & 0xFF) * wt;
                }
                int o = rowOut + x * 3;
                tmp[o] = r;
                tmp[o + 1] = g;
                tmp[o + 2] = b;
            }
        }
        // Vertical pass and one exact rounding division by both denominators.
        long den = (long) ax.denominator * ay.denominator;
        byte[] out = new byte[width * height * 3];
        long[] acc = new long[width * 3];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(acc, 0);
            for (int k = ay.start[y]; k < ay.start[y + 1]; k++) {
                int row = ay.index[k] * width * 3;
                long wt = ay.weight[k];
                for (int i = 0; i < acc.length; i++) {
                    acc[i] += tmp[row + i] * wt;
                }
            }
            int o = y * width * 3;
            for (int i = 0; i < acc.length; i++) {
                out[o + i] = (byte) ((2 * acc[i] + den) / (2 * den));
            }
        }
        return new RgbImage(image.name(), width, height, out);
    }

    /**
     * Per-output taps along one axis: output i reads source {@code index[k]} with integer weight
     * {@code weight[k]} for k in [start[i], start[i+1]); the weights of every output sum to
     * {@code denominator}.
     */
    private record Axis(int[] start, int[] index, int[] weight, int denominator) {
        static Axis of(int src, int dst) {
            return dst <= src ? area(src, dst) : bilinear(src, dst);
        }

        /**
         * Box filter in units of 1/dst source pixel: output i spans [i*src, (i+1)*src), source j
         * spans [j*dst, (j+1)*dst); the weight is their overlap, and every output's total is src.
         */
        private static Axis area(int src, int dst) {
            int[] start = new int[dst + 1];
            int taps = 0;
            for (int i = 0; i < dst; i++) {
                long lo = (long) i * src;
                long hi = (long) (i + 1) * src;
                taps += (int) ((hi - 1) / dst - lo / dst + 1);
            }
            int[] index = new int[taps];
            int[] weight = new int[taps];
            int k = 0;
            for (int i = 0; i < dst; i++) {
                start[i] = k;
                long lo = (long) i * src;
                long hi = (long) (i + 1) * src;
                for (long j = lo / dst; j * dst < hi; j++) {
                    long overlap = Math.min(hi, (j + 1) * dst) - Math.max(lo, j * dst);
                    index[k] = (int) j;
                    weight[k] = (int) overlap;
                    k++;
                }
            }
            start[dst] = k;
            return new Axis(start, index, weight, src);
        }

        /**
         * Bilinear in units of 1/(2*dst) source pixel: the centre of output i maps to
         * ((2i + 1) * src - dst) / (2 * dst) in source coordinates; neighbours are clamped to the edge.
         */
        private static Axis bilinear(int src, int dst) {
            int den = 2 * dst;
            int[] start = new int[dst + 1];
            int[] index = new int[2 * dst];
            int[] weight = new int[2 * dst];
            for (int i = 0; i < dst; i++) {
                long pos = (2L * i + 1) * src - dst;
                long j0 = Math.floorDiv(pos, den);
                int frac = (int) (pos - j0 * den);
                start[i] = 2 * i;
                index[2 * i] = (int) Math.max(0, Math.min(src - 1, j0));
                weight[2 * i] = den - frac;
                index[2 * i + 1] = (int) Math.max(0, Math.min(src - 1, j0 + 1));
                weight[2 * i + 1] = frac;
            }
            start[dst] = 2 * dst;
            return new Axis(start, index, weight, den);
        }
    }
}
