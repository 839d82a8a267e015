package org.melanogans.engine.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.melanogans.engine.UserException;

/**
 * Decodes one image file to 8-bit RGB, or fails with a one-line {@link UserException} naming the
 * file and saying what to do. Used by the data stage and by the metrics stage on arbitrary folders,
 * so it must never die with an OutOfMemoryError or silently return a damaged image.
 *
 * <p>Documented conversions (applied without complaint):
 * <ul>
 *   <li>grayscale: the gray value is replicated to R, G and B;</li>
 *   <li>alpha: the alpha channel is dropped, the colour kept as stored (not composited);</li>
 *   <li>16-bit (or any depth other than 8) samples: scaled to 8 bit, {@code round(v * 255 / max)};</li>
 *   <li>palette (indexed) images: expanded through their palette;</li>
 *   <li>embedded ICC profiles: ignored, the stored RGB values are used (as PIL does by default).</li>
 * </ul>
 * Refused: empty files, files no ImageIO reader recognises, truncated or corrupt data (every
 * decoder warning is an error, because ImageIO fills a truncated JPEG with gray and says nothing),
 * colour spaces other than RGB and gray (CMYK, YCCK), and images whose header declares more than
 * {@value #MAX_SIDE} pixels on a side or {@value #MAX_PIXELS} pixels in all (checked before decoding).
 */
public final class ImageDecoder {
    /** Largest accepted width or height. */
    public static final int MAX_SIDE = 12_000;
    /** Largest accepted width x height (100 megapixels, about 300 MB decoded). */
    public static final long MAX_PIXELS = 100_000_000L;

    private ImageDecoder() {
    }

    /** Reads {@code file} as 8-bit RGB; the image name is the file name. */
    public static RgbImage decode(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read image file (" + e + "); check that it exists and is readable");
        }
        if (size == 0) {
            throw new UserException(file + ": empty file (0 bytes); replace or remove it");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UserException(file + ": cannot open image file; check that it is readable");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UserException(file + ": not an image (no JPEG/PNG/BMP/GIF signature); replace or remove the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return read(file, reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            // ImageIO reports corrupt data as IIOException, but some decoders throw runtime exceptions.
            throw new UserException(file + ": cannot decode image (" + e.getMessage()
                    + "); the file is corrupt or truncated: replace or remove it", e);
        }
    }

    private static RgbImage read(Path file, ImageReader reader) throws IOException {
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw new UserException(file + ": header declares " + w + "x" + h + " pixels, above the limit of "
                    + MAX_SIDE + " per side and " + MAX_PIXELS / 1_000_000 + " megapixels; downscale or remove the image");
        }
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0);
        if (!warnings.isEmpty()) {
            throw new UserException(file + ": damaged image (decoder warning: " + warnings.get(0)
                    + "); the file is probably truncated: replace or remove it");
        }
        return toRgb(file, image);
    }

    private static RgbImage toRgb(Path file, BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        ColorModel cm = image.getColorModel();
        int csType = cm.getColorSpace().getType();
        String name = file.getFileName().toString();
        if (cm instanceof IndexColorModel || cm.isAlphaPremultiplied()) {
            // Palette lookups and un-premultiplying are what getRGB does; both are sRGB/gray by construction.
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
            return new RgbImage(name, w, h, rgb);
        }
        if (csType != ColorSpace.TYPE_RGB && csType != ColorSpace.TYPE_GRAY) {
            throw new UserException(file + ": unsupported colour space (" + colourSpaceName(csType)
                    + "); convert the image to sRGB and retry");
        }
        // Read stored samples directly: getRGB would push gray through a linear-to-sRGB curve.
        Raster raster = image.getRaster();
        int colours = cm.getNumColorComponents();
        int bands = raster.getNumBands();
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << raster.getSampleModel().getSampleSize(b)) - 1;
        }
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int o = (y * w + x) * 3;
                int s = x * bands;
                for (int c = 0; c < 3; c++) {
                    int band = colours == 1 ? 0 : c;
                    rgb[o + c] = (byte) to8Bit(row[s + band], max[band]);
                }
            }
        }
        return new RgbImage(name, w, h, rgb);
    }

    /** Scales a sample in [0, max] to [0, 255], rounding half up. */
    static int to8Bit(int v, int max) {
        return max == 255 ? v : (int) ((2L * v * 255 + max) / (2L * max));
    }

    private static String colourSpaceName(int type) {
        return switch (type) {
            case ColorSpace.TYPE_CMYK -> "CMYK";
            case ColorSpace.TYPE_YCbCr -> "YCbCr";
            case ColorSpace.TYPE_CMY -> "CMY";
            default -> "colour space type " + type;
        };
    }
}
