package org.melanogans.engine.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.melanogans.engine.UserException;

/** Decodes one image file to 8-bit RGB, or fails with a message naming the file. */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    public static RgbImage decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UserException(file + ": cannot decode image (" + e.getMessage() + "); replace or remove the file");
        }
        if (image == null) {
            throw new UserException(file + ": not an image ImageIO can read; replace or remove the file");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int o = (y * w + x) * 3;
                rgb[o] = (byte) (p >> 16);
                rgb[o + 1] = (byte) (p >> 8);
                rgb[o + 2] = (byte) p;
            }
        }
        return new RgbImage(file.getFileName().toString(), w, h, rgb);
    }
}
