package org.melanogans.engine.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.data.Shuffle;

/**
 * What the colour histograms cannot see (docs/METRICS.md): the sliced Wasserstein distance between
 * patches of the generated and the real images (structure at every scale), MS-SSIM between pairs of
 * generated images and between pairs of real ones (diversity), and how close generated images come
 * to the training images (copying).
 *
 * @param swd                  mean over the pyramid levels, x 1000
 * @param swdLevels            per level side ("64", "32", "16")
 * @param swdImages            images per side the SWD compared (the smaller set's count)
 * @param msSsim               mean MS-SSIM of random pairs of generated images
 * @param msSsimReal           the same over pairs of real images
 * @param msSsimPairs          pairs each mean is over
 * @param nnDistanceMedian     median distance of a generated image to its nearest training image
 * @param nnDistanceMedianReal median distance of a training image to its nearest other one
 * @param copies               share of generated images closer than the 1st percentile of the real distances
 * @param closest              the generated images closest to a training image, with it
 */
public record StructureMetrics(double swd, Map<String, Double> swdLevels, int swdImages, double msSsim,
                               double msSsimReal, int msSsimPairs, double nnDistanceMedian,
                               double nnDistanceMedianReal, double copies, List<Memorization.Pair> closest) {

    /**
     * @param swdPatches    neighbourhoods per image and level
     * @param swdDirections directions per repeat
     * @param swdRepeats    repeats of the directions
     * @param msSsimPairs   pairs each MS-SSIM mean is over
     * @param seed          seeds the image subsets, patches, directions and pairs
     * @param threads       threads of the matrix products
     */
    public record Settings(int swdPatches, int swdDirections, int swdRepeats, int msSsimPairs, long seed,
                           int threads) {
        public SlicedWasserstein.Settings swdSettings() {
            return new SlicedWasserstein.Settings(swdPatches, swdDirections, swdRepeats, seed, threads);
        }

        /** The experiment's settings, seeded as the run is, with its TensorFlow threads. */
        public static Settings of(org.melanogans.engine.experiment.MetricsConfig m, long seed, int threads) {
            return new Settings(m.swdPatches(), m.swdDirections(), m.swdRepeats(), m.msSsimPairs(), seed, threads);
        }

        /** These settings with at most {@code available} pairs (the use-case stage's small melanoma pools). */
        public Settings pairsAtMost(long available) {
            return new Settings(swdPatches, swdDirections, swdRepeats, (int) Math.min(msSsimPairs, available), seed,
                    threads);
        }
    }

    /**
     * Why the metrics cannot be computed on these sets, as a phrase naming the setting at fault, or
     * null when they can.
     *
     * @param real number of real images
     * @param fake number of generated images
     * @param side their side in pixels
     */
    public static String problem(int real, int fake, int side, Settings settings) {
        if (side < SlicedWasserstein.MIN_SIDE || Integer.bitCount(side) != 1) {
            return "images of " + side + " px: the structural metrics need a power-of-two side of "
                    + SlicedWasserstein.MIN_SIDE + " px or more (the SWD pyramid ends at 16 px, MS-SSIM has 5 scales)";
        }
        if (Math.min(real, fake) < 2) {
            return Math.min(real, fake) + " image(s) where the structural metrics need at least 2 on each side";
        }
        long fewest = Math.min((long) real * (real - 1) / 2, (long) fake * (fake - 1) / 2);
        if (fewest < settings.msSsimPairs()) {
            return "metrics.ms_ssim_pairs asks for " + settings.msSsimPairs() + " distinct pairs, but "
                    + Math.min(real, fake) + " images give only " + fewest + "; lower it (-Dgan.set="
                    + "metrics.ms_ssim_pairs=" + Math.max(1, fewest) + ") or use more images";
        }
        return null;
    }

    /**
     * All of them between the real images and the generated ones (same side).
     *
     * @throws IllegalArgumentException with {@link #problem}'s phrase when they cannot be computed
     */
    public static StructureMetrics between(ImageSet real, ImageSet fake, Settings settings) {
        String problem = fake.resolution() != real.resolution()
                ? "generated images of " + fake.resolution() + " px against real ones of " + real.resolution() + " px"
                : problem(real.count(), fake.count(), real.resolution(), settings);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int n = Math.min(real.count(), fake.count());
        SlicedWasserstein.Result swd = SlicedWasserstein.between(randomSubset(real, n, settings.seed()),
                first(fake, n), settings.swdSettings());
        Map<String, Double> levels = new LinkedHashMap<>();
        swd.levels().forEach((side, value) -> levels.put(String.valueOf(side), value));
        double msSsim = MsSsim.meanOverPairs(fake, settings.msSsimPairs(), settings.seed());
        double msSsimReal = MsSsim.meanOverPairs(real, settings.msSsimPairs(), settings.seed());
        Memorization copying = Memorization.of(real, fake, settings.threads());
        return new StructureMetrics(swd.swd(), levels, n, msSsim, msSsimReal, settings.msSsimPairs(),
                copying.nnDistanceMedian(), copying.nnDistanceMedianReal(), copying.copies(),
                List.of(copying.closest()));
    }

    /** The SWD between two seeded halves of the real images: the distance sampling alone makes. */
    public static SlicedWasserstein.Result swdFloor(ImageSet real, Settings settings) {
        int[] order = Shuffle.permutation(real.count(), settings.seed());
        int half = real.count() / 2;
        return SlicedWasserstein.between(real.subset(sortedFirst(order, half)),
                real.subset(sortedFirst(Arrays.copyOfRange(order, half, order.length), half)), settings.swdSettings());
    }

    private static int[] sortedFirst(int[] order, int n) {
        int[] first = Arrays.copyOf(order, n);
        Arrays.sort(first);
        return first;
    }

    /** A seeded random {@code n} of the images, in their order (all of them when there are {@code n}). */
    public static ImageSet randomSubset(ImageSet images, int n, long seed) {
        return images.count() == n ? images : images.subset(sortedFirst(Shuffle.permutation(images.count(), seed), n));
    }

    /** The first {@code n} images (generated images are random already). */
    public static ImageSet first(ImageSet images, int n) {
        return images.count() == n ? images : images.subset(java.util.stream.IntStream.range(0, n).toArray());
    }
}
