package org.melanogans.engine.sample;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.melanogans.engine.AtomicFile;

/**
 * Writes samples as {@code sample-NNNNN.png} into their folder and the first grid x grid of them
 * into a separate {@link SampleGrid} file, so the sample folder holds samples only
 * and can be evaluated as it is. PNG is lossless, so the metrics computed on the written files
 * equal those computed in memory.
 */
public final class SampleWriter implements Sampler.Sink {
    private final Path dir;
    private final Path gridFile;
    private final int resolution;
    private final SampleGrid grid;

    public SampleWriter(Path dir, Path gridFile, int resolution, int grid) {
        this.dir = dir;
        this.gridFile = gridFile;
        this.resolution = resolution;
        this.grid = new SampleGrid(resolution, grid);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(int index, byte[] rgb) {
        BufferedImage image = toImage(rgb, resolution);
        write(image, dir.resolve(String.format("sample-%05d.png", index)));
        grid.add(index, image);
    }

    /** Writes the grid file; call after the samples. */
    public Path writeGrid() {
        return grid.write(gridFile);
    }

    public static BufferedImage toImage(byte[] rgb, int resolution) {
        BufferedImage image = new BufferedImage(resolution, resolution, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[resolution * resolution];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        image.setRGB(0, 0, resolution, resolution, argb, 0, resolution);
        return image;
    }

    /** Writes a PNG via a temporary file so a reader never sees half an image. */
    public static void write(BufferedImage image, Path file) {
        try {
            AtomicFile.write(file, tmp -> {
                if (!ImageIO.write(image, "png", tmp.toFile())) {
                    throw new IllegalStateException("no PNG writer");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes earlier samples (they are re-drawn from a checkpoint, so nothing is lost). */
    public static void clearSamples(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().matches("sample-\\d+\\.png")).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
