package org.melanogans.engine.data;

/**
 * A decoded image of any size: width x height x 3 bytes, rows top to bottom, R G B.
 *
 * @param name   where it came from (file name), for messages
 */
public record RgbImage(String name, int width, int height, byte[] rgb) {
    public RgbImage {
        if (rgb.length != (long) width * height * 3) {
            throw new IllegalArgumentException(name + ": " + rgb.length + " bytes for " + width + "x" + height);
        }
    }
}
