package org.melanogans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.data.ImageSet;

/** The structural metrics against values worked out by hand or by another implementation. */
class StructureMetricsTest {
    private static final SlicedWasserstein.Settings SWD = new SlicedWasserstein.Settings(16, 8, 2, 3, 2);

    /** {@code n} images of {@code side} px with values drawn from [lo, hi]. */
    private static ImageSet images(int n, int side, int lo, int hi, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * side * side * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (lo + random.nextInt(hi - lo + 1));
        }
        return of(pixels, side);
    }

    private static ImageSet of(byte[] pixels, int side) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < pixels.length / (side * side * 3); i++) {
            ids.add("i" + i);
        }
        return ImageSet.of(ids, null, side, pixels);
    }

    @Test
    void mirrorReflectsAboutTheEdgePixelsAsScipy() {
        assertEquals(1, LaplacianPyramid.mirror(-1, 5));
        assertEquals(2, LaplacianPyramid.mirror(-2, 5));
        assertEquals(3, LaplacianPyramid.mirror(5, 5));
        assertEquals(2, LaplacianPyramid.mirror(6, 5));
    }

    @Test
    void downFiltersAndHalvesAsWorkedOutByHand() {
        // value = column index on every row and channel; the binomial taps with mirrored edges give
        // x=0: (2+4+0+4+2)/16, x=2: (0+4+12+12+4)/16, x=4: (2+12+24+20+6)/16, x=6: (4+20+36+28+6)/16
        float[] image = new float[3 * 8 * 8];
        for (int i = 0; i < image.length; i++) {
            image[i] = i % 8;
        }
        float[] down = LaplacianPyramid.down(image, 8);
        for (int row = 0; row < 3 * 4; row++) {
            assertArrayEquals(new float[] {0.75f, 2f, 4f, 5.875f}, Arrays.copyOfRange(down, row * 4, row * 4 + 4));
        }
        float[] constant = new float[3 * 16 * 16];
        Arrays.fill(constant, 9f);
        float[][] pyramid = LaplacianPyramid.of(constant, 16, 2);
        for (float v : pyramid[0]) {
            assertEquals(0f, v, 1e-5f, "a constant image has no detail");
        }
        for (float v : pyramid[1]) {
            assertEquals(9f, v, 1e-5f);
        }
    }

    @Test
    void downAndUpEqualTheTextbookConvolutionWithMirroredEdges() {
        java.util.Random random = new java.util.Random(3);
        for (int s : new int[] {4, 8, 16}) {
            float[] image = new float[3 * s * s];
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextInt(256);
            }
            float[] blurred = convolve(image, s, 1);
            float[] down = LaplacianPyramid.down(image, s);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < s / 2; y++) {
                    for (int x = 0; x < s / 2; x++) {
                        assertEquals(blurred[(c * s + 2 * y) * s + 2 * x], down[(c * s / 2 + y) * s / 2 + x], 1e-3f);
                    }
                }
            }
            float[] sparse = new float[3 * 4 * s * s];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < s; y++) {
                    for (int x = 0; x < s; x++) {
                        sparse[(c * 2 * s + 2 * y) * 2 * s + 2 * x] = image[(c * s + y) * s + x];
                    }
                }
            }
            assertArrayEquals(convolve(sparse, 2 * s, 4), LaplacianPyramid.up(image, s), 1e-3f);
        }
    }

    /** scipy.ndimage.convolve(mode='mirror') with the 5x5 binomial kernel times {@code gain}, tap by tap. */
    private static float[] convolve(float[] image, int s, int gain) {
        int[] taps = {1, 4, 6, 4, 1};
        float[] out = new float[image.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    double sum = 0;
                    for (int dy = -2; dy <= 2; dy++) {
                        for (int dx = -2; dx <= 2; dx++) {
                            sum += taps[dy + 2] * taps[dx + 2] * gain / 256.0
                                    * image[(c * s + LaplacianPyramid.mirror(y + dy, s)) * s + LaplacianPyramid.mirror(x + dx, s)];
                        }
                    }
                    out[(c * s + y) * s + x] = (float) sum;
                }
            }
        }
        return out;
    }

    @Test
    void swdOfIdenticalSetsIsZeroAndOfAConstantShiftToo() {
        ImageSet a = images(6, 32, 20, 200, 1);
        SlicedWasserstein.Result same = SlicedWasserstein.between(a, a, SWD);
        assertEquals(0, same.swd());
        assertEquals(0, SlicedWasserstein.between(a, of(a.pixels().clone(), 32), SWD).swd(), "a copy, not the same");
        assertEquals(List.of(32, 16), List.copyOf(same.levels().keySet()));
        byte[] shifted = a.pixels().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (byte) ((shifted[i] & 0xFF) + 10);
        }
        // the band-pass levels do not see a shift, and each set's normalisation removes it from the last
        assertEquals(0, SlicedWasserstein.between(a, of(shifted, 32), SWD).swd(), 0.01);
        double other = SlicedWasserstein.between(a, images(6, 32, 0, 255, 2), SWD).swd();
        assertTrue(other > 1, "other images are far: " + other);
    }

    @Test
    void swdDistanceMatchesTheDefinitionComputedNaively() {
        Random random = new Random(4);
        int n = 300;
        float[] a = new float[n * 147];
        float[] b = new float[n * 147];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextGaussian();
            b[i] = (float) (random.nextGaussian() * 1.3 + 0.2);
        }
        double fast;
        try (MatMul matMul = new MatMul(2)) {
            fast = SlicedWasserstein.distance(a, b, SWD, matMul);
        }
        // the same directions (the same seeded stream), projected in double and sorted by Arrays.sort
        Random directions = new Random(SWD.seed());
        double total = 0;
        for (int r = 0; r < SWD.repeats(); r++) {
            double[][] dirs = new double[SWD.directions()][147];
            for (double[] d : dirs) {
                double norm = 0;
                for (int j = 0; j < 147; j++) {
                    d[j] = directions.nextGaussian();
                    norm += d[j] * d[j];
                }
                for (int j = 0; j < 147; j++) {
                    d[j] /= Math.sqrt(norm);
                }
            }
            for (double[] d : dirs) {
                double[] pa = new double[n];
                double[] pb = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < 147; j++) {
                        pa[i] += a[i * 147 + j] * d[j];
                        pb[i] += b[i * 147 + j] * d[j];
                    }
                }
                Arrays.sort(pa);
                Arrays.sort(pb);
                for (int i = 0; i < n; i++) {
                    total += Math.abs(pa[i] - pb[i]) / n;
                }
            }
        }
        double naive = total / (SWD.repeats() * SWD.directions());
        assertEquals(naive, fast, 1e-5 * naive);
    }

    @Test
    void radixSortSortsLikeArraysSort() {
        Random random = new Random(9);
        float[] values = new float[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(6) - 3));
        }
        values[0] = -0f;
        values[1] = 0f;
        float[] expected = values.clone();
        Arrays.sort(expected);
        float[] out = new float[values.length];
        new RadixSort(values.length).sort(values, 0, values.length, out);
        for (int i = 0; i < out.length; i++) {
            assertEquals(expected[i], out[i], 0f);
        }
    }

    @Test
    void msSsimOfAnImageWithItselfIsOneAndOfTheReferencePairTheReferenceValue() {
        int side = 32;
        double[] a = new double[3 * side * side];
        double[] b = new double[3 * side * side];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    a[(c * side + y) * side + x] = (37 * x + 11 * y + 53 * c) % 256;
                    b[(c * side + y) * side + x] = (37 * x + 11 * y + 53 * c + (x * y * 3 + 7 * c) % 40) % 256;
                }
            }
        }
        assertEquals(1, MsSsim.between(a, a, side), 1e-12);
        // src/test/resources/metrics/msssim_reference.py: the Progressive GAN's ms_ssim.py on this pair
        assertEquals(0.7982141649118223, MsSsim.between(a, b, side), 1e-9);
    }

    @Test
    void msSsimPairsAreDistinctSeededAndAsMany() {
        int[][] pairs = MsSsim.pairs(10, 45, 3);
        Set<Long> seen = new HashSet<>();
        for (int[] p : pairs) {
            assertTrue(p[0] < p[1]);
            assertTrue(seen.add(p[0] * 10L + p[1]));
        }
        assertArrayEquals(pairs, MsSsim.pairs(10, 45, 3));
        assertEquals(30, MsSsim.pairs(1000, 30, 3).length);
        ImageSet alike = of(new byte[5 * 16 * 16 * 3], 16);
        assertEquals(1, MsSsim.meanOverPairs(alike, 10, 1), 1e-12, "identical images: no diversity");
        assertTrue(MsSsim.meanOverPairs(images(5, 16, 0, 255, 5), 10, 1) < 0.2, "noise is diverse");
    }

    @Test
    void memorizationFlagsCopiesAsCopiesAndNoiseAsNot() {
        ImageSet training = images(40, 16, 100, 160, 6);
        Memorization copied = Memorization.of(training, training.subset(new int[] {3, 7, 7, 12}), 2);
        assertEquals(1.0, copied.copies());
        assertEquals(0, copied.nnDistanceMedian(), 1e-3);
        int[] sources = {3, 7, 7, 12};
        for (Memorization.Pair pair : copied.closest()) {
            assertEquals(sources[pair.generated()], pair.reference(), "each copy's nearest is its original");
        }
        // seeded noise over the whole range: new images, far from every training image
        Memorization noise = Memorization.of(training, images(20, 16, 0, 255, 7), 2);
        assertEquals(0.0, noise.copies());
        assertTrue(noise.nnDistanceMedian() > 2 * noise.nnDistanceMedianReal(), "noise is far from the training images");
        assertEquals(noise.nnDistanceMedianReal(), copied.nnDistanceMedianReal(), "the real distances are the set's");
    }

    @Test
    void aboveSixtyFourPixelsTheCoarseSearchStillReportsExactDistances() {
        // 128 px: candidates are searched on 2x2 block averages; blocky images plus pixel noise, so
        // the coarse ranking is the fine one and the results must equal a brute-force search
        ImageSet training = blocky(30, 128, 11);
        ImageSet generated = blocky(12, 128, 12).concat(training.subset(new int[] {5, 9}));
        Memorization found = Memorization.of(training, generated, 2);
        double[] fake = new double[generated.count()];
        for (int g = 0; g < fake.length; g++) {
            fake[g] = nearestByBruteForce(generated, g, training, -1);
        }
        double[] real = new double[training.count()];
        for (int r = 0; r < real.length; r++) {
            real[r] = nearestByBruteForce(training, r, training, r);
        }
        Arrays.sort(fake);
        Arrays.sort(real);
        assertEquals(Memorization.percentile(fake, 50), found.nnDistanceMedian(), 1e-12);
        assertEquals(Memorization.percentile(real, 50), found.nnDistanceMedianReal(), 1e-12);
        double threshold = Memorization.percentile(real, 1);
        assertEquals(Arrays.stream(fake).filter(d -> d < threshold).count() / (double) fake.length, found.copies(),
                1e-12);
        assertEquals(List.of(5, 9), List.of(found.closest()[0].reference(), found.closest()[1].reference()));
        assertEquals(0.0, found.closest()[1].distance());
    }

    /** Coarse random 8x8 blocks with pixel noise on top. */
    private static ImageSet blocky(int n, int side, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * side * side * 3];
        for (int i = 0; i < n; i++) {
            int[] blocks = new int[(side / 8) * (side / 8) * 3];
            for (int b = 0; b < blocks.length; b++) {
                blocks[b] = 20 + random.nextInt(200);
            }
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    for (int c = 0; c < 3; c++) {
                        int v = blocks[((y / 8) * (side / 8) + x / 8) * 3 + c] + random.nextInt(21) - 10;
                        pixels[((i * side + y) * side + x) * 3 + c] = (byte) v;
                    }
                }
            }
        }
        return of(pixels, side);
    }

    /** Root mean square difference of image q to its nearest reference other than {@code skip}. */
    private static double nearestByBruteForce(ImageSet queries, int q, ImageSet references, int skip) {
        int values = queries.bytesPerImage();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < references.count(); r++) {
            if (r == skip) {
                continue;
            }
            double sum = 0;
            for (int j = 0; j < values; j++) {
                double d = ((queries.pixels()[q * values + j] & 0xFF) - (references.pixels()[r * values + j] & 0xFF)) / 255.0;
                sum += d * d;
            }
            best = Math.min(best, Math.sqrt(sum / values));
        }
        return best;
    }

    @Test
    void percentileIsNumpysLinearOne() {
        double[] sorted = {1, 2, 4, 8};
        assertEquals(1.03, Memorization.percentile(sorted, 1), 1e-12);   // numpy.percentile([1,2,4,8], 1)
        assertEquals(3.0, Memorization.percentile(sorted, 50), 1e-12);
    }

    @Test
    void badInputsAreOnePhraseNamingTheSetting() {
        StructureMetrics.Settings s = new StructureMetrics.Settings(16, 8, 2, 1000, 1, 2);
        assertNull(StructureMetrics.problem(2000, 2000, 64, s));
        assertEquals("metrics.ms_ssim_pairs asks for 1000 distinct pairs, but 40 images give only 780; lower it"
                + " (-Dgan.set=metrics.ms_ssim_pairs=780) or use more images", StructureMetrics.problem(40, 2000, 64, s));
        assertEquals("1 image(s) where the structural metrics need at least 2 on each side",
                StructureMetrics.problem(1, 2000, 64, s));
        assertTrue(StructureMetrics.problem(100, 100, 8, s).startsWith("images of 8 px"));
    }
}
