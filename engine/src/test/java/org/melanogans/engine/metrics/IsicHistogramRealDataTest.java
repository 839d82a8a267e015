package org.melanogans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.SharedData;
import org.melanogans.engine.data.ImageDecoder;
import org.melanogans.engine.data.RgbImage;

/**
 * Real-data test (skipped when ../shared is absent): histogram metrics on 20 ISIC 2017 images,
 * checked against a pixel-level Wasserstein oracle. Takes a few seconds.
 */
@Tag("real-data")
class IsicHistogramRealDataTest {

    @Test
    void emdBetweenTwoHalvesOfIsicMatchesSortedPixelOracle() {
        Path isic = SharedData.isic2017().orElse(null);
        Assumptions.assumeTrue(isic != null, "ISIC 2017 data not present");
        List<Path> files = FolderEvaluation.images(isic.resolve("ISIC-2017_Training_Data")).subList(0, 20);
        List<RgbImage> images = files.stream().map(ImageDecoder::decode).toList();
        ColorHistogram first = new ColorHistogram();
        ColorHistogram second = new ColorHistogram();
        for (int i = 0; i < images.size(); i++) {
            (i < 10 ? first : second).add(images.get(i));
        }
        // All images are 256x256, so both halves hold the same number of pixels and
        // W1 = mean |a_(k) - b_(k)| over the sorted channel values.
        assertEquals(first.pixels(), second.pixels());
        HistogramMetrics metrics = HistogramMetrics.between(first, second);
        for (int c = 0; c < 3; c++) {
            int[] a = channel(images.subList(0, 10), c);
            int[] b = channel(images.subList(10, 20), c);
            long sum = 0;
            for (int k = 0; k < a.length; k++) {
                sum += Math.abs(a[k] - b[k]);
            }
            assertEquals(sum / 255.0 / a.length, metrics.perChannel().get(c).emd(), 1e-9, "channel " + c);
        }
        // Two samples of dermoscopy images are close, but not identical.
        assertTrue(metrics.emd() > 0 && metrics.emd() < 0.2, "emd " + metrics.emd());
        assertTrue(metrics.jsDivergence() > 0 && metrics.jsDivergence() < Math.log(2), "js " + metrics.jsDivergence());
    }

    private static int[] channel(List<RgbImage> images, int c) {
        int total = images.stream().mapToInt(i -> i.width() * i.height()).sum();
        int[] values = new int[total];
        int n = 0;
        for (RgbImage image : images) {
            byte[] rgb = image.rgb();
            for (int i = c; i < rgb.length; i += 3) {
                values[n++] = rgb[i] & 0xFF;
            }
        }
        Arrays.sort(values);
        return values;
    }
}
