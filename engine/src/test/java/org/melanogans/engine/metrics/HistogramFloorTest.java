package org.melanogans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.data.ImageSet;

/** The floor worked out by hand on images whose halves are known whatever the split. */
class HistogramFloorTest {
    private static ImageSet uniform(int... values) {
        int per = 4 * 4 * 3;
        byte[] pixels = new byte[values.length * per];
        for (int i = 0; i < values.length; i++) {
            Arrays.fill(pixels, i * per, (i + 1) * per, (byte) values[i]);
        }
        List<String> ids = Arrays.stream(values).mapToObj(v -> "img-" + v + "-" + Math.random()).toList();
        return ImageSet.of(ids, null, 4, pixels);
    }

    @Test
    void identicalImagesHaveNoFloorAndTwoImagesHaveTheirDistance() {
        HistogramFloor same = HistogramFloor.of(uniform(90, 90, 90, 90));
        assertEquals(0, same.emdMax(), 0);
        assertEquals(0, same.jsDivergenceMax(), 0);
        // two images, one per half whatever the split: value 0 against value 51 is 51/255 = 0.2 apart on
        // every channel, and two disjoint point masses are ln 2 nats apart
        HistogramFloor two = HistogramFloor.of(uniform(0, 51));
        assertEquals(HistogramFloor.SPLITS, two.splits());
        assertEquals(0.2, two.emdMean(), 1e-12);
        assertEquals(0.2, two.emdMax(), 1e-12);
        assertEquals(Math.log(2), two.jsDivergenceMean(), 1e-12);
        assertNull(HistogramFloor.of(uniform(7)));
    }
}
