package org.melanogans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;

class ImageDecoderTest {
    @TempDir
    Path dir;

    private String error(Path file) {
        String m = assertThrows(UserException.class, () -> ImageDecoder.decode(file)).getMessage();
        assertTrue(m.startsWith(file.toString() + ": "), "names the file: " + m);
        assertTrue(m.contains("replace") || m.contains("convert") || m.contains("downscale"), "says what to do: " + m);
        return m;
    }

    @Test
    void readsRgbJpegAndPngExactly() throws IOException {
        BufferedImage im = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        im.setRGB(1, 2, 0x123456);
        Path png = dir.resolve("a.png");
        ImageIO.write(im, "png", png.toFile());
        RgbImage rgb = ImageDecoder.decode(png);
        assertEquals(4, rgb.width());
        assertEquals(3, rgb.height());
        int o = (2 * 4 + 1) * 3;
        assertArrayEquals(new byte[] {0x12, 0x34, 0x56}, Arrays.copyOfRange(rgb.rgb(), o, o + 3));
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Files.createFile(dir.resolve("empty.jpg"));
        assertTrue(error(f).contains("0 bytes"));
    }

    @Test
    void truncatedJpegIsAnErrorNotAGrayFill() throws IOException {
        BufferedImage im = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
        java.util.Random rnd = new java.util.Random(1);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                im.setRGB(x, y, rnd.nextInt(0x1000000)); // noise: the scan data dwarfs the header
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(im, "jpeg", bytes);
        byte[] full = bytes.toByteArray();
        Path f = dir.resolve("cut.jpg");
        Files.write(f, Arrays.copyOf(full, full.length * 6 / 10));
        // Plain ImageIO.read accepts it silently: that is why the decoder listens for warnings.
        assertEquals(256, ImageIO.read(f.toFile()).getWidth());
        assertTrue(error(f).contains("truncated"));
    }

    @Test
    void textFileIsNotAnImage() throws IOException {
        Path f = dir.resolve("notes.png");
        Files.writeString(f, "these are not pixels\n", StandardCharsets.UTF_8);
        assertTrue(error(f).contains("not an image"));
    }

    @Test
    void grayscaleIsReplicatedWithoutGammaChange() throws IOException {
        BufferedImage im = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        im.getRaster().setSample(0, 0, 0, 100);
        im.getRaster().setSample(1, 0, 0, 201);
        Path f = dir.resolve("gray.png");
        ImageIO.write(im, "png", f.toFile());
        assertArrayEquals(new byte[] {100, 100, 100, (byte) 201, (byte) 201, (byte) 201}, ImageDecoder.decode(f).rgb());
    }

    @Test
    void alphaIsDroppedColourKept() throws IOException {
        BufferedImage im = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        im.setRGB(0, 0, 0x10C08040); // alpha 0x10, colour C0 80 40
        Path f = dir.resolve("rgba.png");
        ImageIO.write(im, "png", f.toFile());
        assertArrayEquals(new byte[] {(byte) 0xC0, (byte) 0x80, 0x40}, ImageDecoder.decode(f).rgb());
    }

    @Test
    void sixteenBitIsScaledToEightBit() throws IOException {
        BufferedImage im = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = im.getRaster();
        r.setSample(0, 0, 0, 65535);
        r.setSample(1, 0, 0, 257 * 100);
        r.setSample(2, 0, 0, 257 * 100 + 128); // 100.498 -> 100
        Path f = dir.resolve("deep.png");
        ImageIO.write(im, "png", f.toFile());
        assertEquals(16, ImageIO.read(f.toFile()).getColorModel().getComponentSize(0), "really a 16-bit PNG");
        assertArrayEquals(new byte[] {(byte) 255, (byte) 255, (byte) 255, 100, 100, 100, 100, 100, 100},
                ImageDecoder.decode(f).rgb());
    }

    @Test
    void paletteIsExpanded() throws IOException {
        byte[] red = {0, (byte) 200};
        byte[] green = {0, 10};
        byte[] blue = {0, 99};
        BufferedImage im = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(1, 2, red, green, blue));
        im.getRaster().setSample(1, 0, 0, 1);
        Path f = dir.resolve("pal.png");
        ImageIO.write(im, "png", f.toFile());
        assertArrayEquals(new byte[] {0, 0, 0, (byte) 200, 10, 99}, ImageDecoder.decode(f).rgb());
    }

    @Test
    void cmykJpegIsRefused() throws IOException {
        // A 4-band raster written as JPEG is stored as 4 components (CMYK/YCCK); ImageIO cannot decode it to RGB.
        WritableRaster four = java.awt.image.Raster.createBandedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 8, 8, 4, null);
        Path f = dir.resolve("cmyk.jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
            writer.setOutput(out);
            writer.write(new IIOImage(four, null, null));
        } finally {
            writer.dispose();
        }
        String m = error(f);
        assertTrue(m.contains("cannot decode") || m.contains("colour space"), m);
    }

    @Test
    void absurdDeclaredSizeIsRefusedBeforeDecoding() throws IOException {
        Path f = dir.resolve("huge.png");
        Files.write(f, pngHeader(100_000, 100_000));
        String m = error(f);
        assertTrue(m.contains("100000x100000"), m);
    }

    /** A PNG signature and a valid IHDR chunk declaring the given size, with no pixel data after it. */
    private static byte[] pngHeader(int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(w);
        c.writeInt(h);
        c.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter, no interlace
        byte[] body = chunk.toByteArray();
        out.writeInt(body.length - 4);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(body);
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
