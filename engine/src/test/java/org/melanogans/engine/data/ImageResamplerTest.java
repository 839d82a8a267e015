package org.melanogans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.experiment.CropMode;

class ImageResamplerTest {

    private static RgbImage random(int w, int h, long seed) {
        byte[] rgb = new byte[w * h * 3];
        new Random(seed).nextBytes(rgb);
        return new RgbImage("r", w, h, rgb);
    }

    private static int px(RgbImage im, int x, int y, int c) {
        return im.rgb()[(y * im.width() + x) * 3 + c] & 0xFF;
    }

    @Test
    void integerFactorEqualsBlockMean() {
        for (int factor : new int[] {2, 3, 4, 6}) {
            RgbImage src = random(5 * factor, 3 * factor, factor);
            RgbImage out = ImageResampler.resize(src, 5, 3);
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 5; x++) {
                    for (int c = 0; c < 3; c++) {
                        long sum = 0;
                        for (int dy = 0; dy < factor; dy++) {
                            for (int dx = 0; dx < factor; dx++) {
                                sum += px(src, x * factor + dx, y * factor + dy, c);
                            }
                        }
                        // Round half up, computed in exact integers.
                        long n = (long) factor * factor;
                        int expected = (int) ((2 * sum + n) / (2 * n));
                        assertEquals(expected, px(out, x, y, c), "factor " + factor + " at " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void fractionalCoverageByHand() {
        // 3 -> 2 pixels: output 0 covers source [0, 1.5): (a + b/2) / 1.5; output 1: (b/2 + c) / 1.5.
        byte[] row = {0, 0, 0, 90, 90, 90, (byte) 255, (byte) 255, (byte) 255};
        RgbImage out = ImageResampler.resize(new RgbImage("row", 3, 1, row), 2, 1);
        assertEquals(30, px(out, 0, 0, 0));
        assertEquals(200, px(out, 1, 0, 0));

        // 3x3 -> 2x2: top-left output = (1*v00 + .5*v01 + .5*v10 + .25*v11) / 2.25.
        int[] v = {10, 20, 30, 40, 50, 60, 70, 80, 91};
        byte[] rgb = new byte[27];
        for (int i = 0; i < 9; i++) {
            rgb[3 * i] = (byte) v[i];
        }
        RgbImage out2 = ImageResampler.resize(new RgbImage("sq", 3, 3, rgb), 2, 2);
        assertEquals(Math.round((10 + 10 + 20 + 12.5) / 2.25), px(out2, 0, 0, 0)); // 23.33 -> 23
        assertEquals(Math.round((0.25 * 50 + 0.5 * 60 + 0.5 * 80 + 91) / 2.25), px(out2, 1, 1, 0)); // 77.1 -> 77
    }

    @Test
    void roundsHalvesUp() {
        RgbImage out = ImageResampler.resize(new RgbImage("h", 2, 1, new byte[] {0, 0, 0, 1, 3, 5}), 1, 1);
        assertArrayEquals(new byte[] {1, 2, 3}, out.rgb());
    }

    @Test
    void upsamplingIsBilinearWithClampedEdges() {
        // Centres of 4 outputs over 2 inputs sit at -0.25, 0.25, 0.75, 1.25 source pixels.
        RgbImage out = ImageResampler.resize(new RgbImage("u", 2, 1, new byte[] {0, 0, 0, (byte) 200, 0, 0}), 4, 1);
        int[] got = new int[4];
        for (int x = 0; x < 4; x++) {
            got[x] = px(out, x, 0, 0);
        }
        assertArrayEquals(new int[] {0, 50, 150, 200}, got);
    }

    @Test
    void centerCropTakesLargestCentredSquare() {
        // 7x3 landscape: surplus 4 -> columns 2..4; 3x6 portrait: surplus 3 -> rows 1..3 (extra row at the bottom).
        RgbImage wide = random(7, 3, 1);
        RgbImage crop = ImageResampler.centerCrop(wide);
        assertEquals(3, crop.width());
        assertEquals(3, crop.height());
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(px(wide, x + 2, y, 1), px(crop, x, y, 1));
            }
        }
        RgbImage tall = random(3, 6, 2);
        RgbImage crop2 = ImageResampler.centerCrop(tall);
        assertEquals(3, crop2.height());
        assertEquals(px(tall, 0, 1, 0), px(crop2, 0, 0, 0));
        assertEquals(px(tall, 2, 3, 2), px(crop2, 2, 2, 2));
    }

    @Test
    void prepareCropsThenResizesOrSquashes() {
        // Left/right thirds black, centre white: CENTER keeps only white, NONE averages to a third.
        byte[] rgb = new byte[6 * 2 * 3];
        for (int y = 0; y < 2; y++) {
            for (int x = 2; x < 4; x++) {
                for (int c = 0; c < 3; c++) {
                    rgb[(y * 6 + x) * 3 + c] = (byte) 255;
                }
            }
        }
        RgbImage im = new RgbImage("t", 6, 2, rgb);
        assertEquals(255, px(ImageResampler.prepare(im, CropMode.CENTER, 1), 0, 0, 0));
        assertEquals(85, px(ImageResampler.prepare(im, CropMode.NONE, 1), 0, 0, 0));
    }
}
