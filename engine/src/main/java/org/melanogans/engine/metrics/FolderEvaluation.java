package org.melanogans.engine.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.melanogans.engine.UserException;
import org.melanogans.engine.data.ImageDecoder;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.data.RgbImage;

/**
 * Histogram metrics between two folders of images (for example the training images and a
 * model's samples), every pixel at native size, so any set of PNGs can be scored the paper's way.
 */
public final class FolderEvaluation {
    private FolderEvaluation() {
    }

    /**
     * Metrics between every image directly inside {@code realDir} and every image directly
     * inside {@code fakeDir}.
     *
     * @throws UserException when a folder is missing, holds no images, or holds an undecodable image
     */
    public static HistogramMetrics evaluate(Path realDir, Path fakeDir) {
        return HistogramMetrics.between(histogram(realDir), histogram(fakeDir));
    }

    /** Metrics between prepared training images and an already accumulated sample histogram. */
    public static HistogramMetrics evaluate(ImageSet real, ColorHistogram fake) {
        return HistogramMetrics.between(ColorHistogram.of(real), fake);
    }

    /**
     * Every image directly inside {@code dir}, for the structural metrics: they must be squares of
     * one side.
     *
     * @throws UserException naming the folder and the first image of another size
     */
    public static ImageSet load(Path dir) {
        List<Path> files = images(dir);
        RgbImage first = ImageDecoder.decode(files.get(0));
        int side = first.width();
        byte[] pixels = new byte[files.size() * side * side * 3];
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RgbImage image = i == 0 ? first : ImageDecoder.decode(files.get(i));
            if (image.width() != side || image.height() != side) {
                throw new UserException(dir + ": " + files.get(i).getFileName() + " is " + image.width() + "x"
                        + image.height() + " where " + files.get(0).getFileName() + " is " + side + "x"
                        + first.height() + "; the structural metrics compare square images of one size");
            }
            System.arraycopy(image.rgb(), 0, pixels, i * side * side * 3, side * side * 3);
            ids.add(files.get(i).getFileName().toString());
        }
        if (first.height() != side) {
            throw new UserException(dir + ": " + files.get(0).getFileName() + " is " + side + "x" + first.height()
                    + "; the structural metrics compare square images of one size");
        }
        return ImageSet.of(ids, null, side, pixels);
    }

    /** Pooled histogram of every *.png, *.jpg, *.jpeg, *.bmp directly inside {@code dir}. */
    public static ColorHistogram histogram(Path dir) {
        ColorHistogram histogram = new ColorHistogram();
        for (Path file : images(dir)) {
            histogram.add(ImageDecoder.decode(file));
        }
        return histogram;
    }

    /** The image files directly inside {@code dir}, sorted by name (not recursive). */
    public static List<Path> images(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": folder of images does not exist; check the path or generate the images first");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(Files::isRegularFile).filter(FolderEvaluation::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list folder (" + e.getMessage() + "); check its permissions", e);
        }
        if (files.isEmpty()) {
            throw new UserException(dir + ": no images (*.png, *.jpg, *.jpeg, *.bmp) in folder; put images there or point at the right folder");
        }
        return files;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".bmp");
    }
}
