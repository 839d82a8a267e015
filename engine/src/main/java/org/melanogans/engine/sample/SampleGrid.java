package org.melanogans.engine.sample;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** The first grid x grid samples side by side in one PNG, one pixel of dark grey between them. */
public final class SampleGrid {
    private final int resolution;
    private final int grid;
    private final BufferedImage image;

    public SampleGrid(int resolution, int grid) {
        this.resolution = resolution;
        this.grid = grid;
        int side = grid * (resolution + 1) + 1;
        this.image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, side, side);
        g.dispose();
    }

    /** Places sample {@code index} if it falls inside the grid. */
    public void add(int index, byte[] rgb) {
        if (index < grid * grid) {
            add(index, SampleWriter.toImage(rgb, resolution));
        }
    }

    void add(int index, BufferedImage sample) {
        if (index < grid * grid) {
            int x = 1 + (index % grid) * (resolution + 1);
            int y = 1 + (index / grid) * (resolution + 1);
            int[] argb = sample.getRGB(0, 0, resolution, resolution, null, 0, resolution);
            image.setRGB(x, y, resolution, resolution, argb, 0, resolution);
        }
    }

    public Path write(Path file) {
        SampleWriter.write(image, file);
        return file;
    }
}
