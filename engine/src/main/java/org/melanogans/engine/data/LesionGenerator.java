package org.melanogans.engine.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.GeneratedConfig;
import org.melanogans.engine.experiment.LesionClass;

/**
 * Writes a deterministic procedural dermoscopy data set in the ISIC 2017 layout, so the whole
 * pipeline runs anywhere without a download. Same {@link GeneratedConfig} gives byte-identical files.
 *
 * <p>Each image: skin-toned background with low-frequency texture and noise, the dark circular
 * field of a dermoscope in the corners, a lesion with an irregular border (radial harmonics on the
 * radius) and a pigment network, and, on about a third of the images when enabled, hairs. Classes
 * come in the ISIC 2017 proportions (nevus 1372 : seborrheic keratosis 254 : melanoma 374) and
 * follow the ABCD rule: melanoma is larger, asymmetric, with an irregular fuzzy border, several
 * colours (brown, black, blue-grey, red) and an atypical network; seborrheic keratosis is
 * light-brown to tan, sharply demarcated, with a waxy "stuck-on" fissured texture and milia-like
 * dots; nevus is small, round, uniformly brown with a regular network and a regular border.
 */
public final class LesionGenerator {
    /** Images folder name inside the generated data set (as in ISIC 2017). */
    public static final String IMAGES = "ISIC-2017_Training_Data";
    /** Ground-truth CSV name inside the generated data set (as in ISIC 2017). */
    public static final String LABELS = "ISIC-2017_Training_Part3_GroundTruth.csv";
    /** First generated id number: ISIC_9000000, well away from real ISIC ids. */
    public static final int FIRST_ID = 9_000_000;
    /** Bump when the drawing changes, so old generated folders are not reused. */
    static final int GENERATOR_VERSION = 1;
    private static final String MARKER = "COMPLETE";
    private static final float JPEG_QUALITY = 0.9f;
    private static final int ANGLES = 1024;

    private LesionGenerator() {
    }

    /**
     * Generates the data set into {@code cacheRoot/generated-<hash of config>/} unless a complete
     * copy is already there (its marker file is written last), and returns that folder.
     */
    public static Path generate(GeneratedConfig config, Path cacheRoot, EngineLog log) {
        if (config == null || config.count() <= 0 || config.size() < 8) {
            throw new UserException("data.generated: count must be positive and size at least 8 (got "
                    + config + "); fix the experiment file");
        }
        Path dir = cacheRoot.resolve("generated-" + key(config));
        if (Files.isRegularFile(dir.resolve(MARKER))) {
            log.debug("data: generated lesions already in " + dir);
            return dir;
        }
        long t0 = System.nanoTime();
        List<LesionClass> classes = classes(config.count(), config.seed());
        try {
            Files.createDirectories(dir.resolve(IMAGES));
            Parallel.map(config.count(), i -> {
                writeJpeg(render(classes.get(i), config.size(), config.hairs(), imageSeed(config.seed(), i)),
                        dir.resolve(IMAGES).resolve(id(i) + ".jpg"));
                return i;
            });
            StringBuilder csv = new StringBuilder(IsicLabels.HEADER).append('\n');
            for (int i = 0; i < classes.size(); i++) {
                LesionClass c = classes.get(i);
                csv.append(id(i)).append(c == LesionClass.MELANOMA ? ",1.0" : ",0.0")
                        .append(c == LesionClass.SEBORRHEIC_KERATOSIS ? ",1.0" : ",0.0").append('\n');
            }
            Files.writeString(dir.resolve(LABELS), csv, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(MARKER), config + "\n", StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            throw new UserException("cannot write generated lesions to " + dir + " (" + e
                    + "); check that the reports folder is writable and has free space", e);
        }
        log.info(String.format(Locale.ROOT, "data: generated %d lesion images (%dx%d, seed %d) in %.1f s into %s",
                config.count(), config.size(), config.size(), config.seed(), (System.nanoTime() - t0) / 1e9, dir));
        return dir;
    }

    /** The id of generated image {@code i}. */
    public static String id(int i) {
        return "ISIC_" + (FIRST_ID + i);
    }

    /**
     * Class of every image: counts in the ISIC 2017 proportions (rounded; nevus takes the rest),
     * order shuffled by the seed so classes interleave as in the real id sequence.
     */
    static List<LesionClass> classes(int count, long seed) {
        int melanoma = (int) Math.round(count * 374 / 2000.0);
        int keratosis = (int) Math.round(count * 254 / 2000.0);
        List<LesionClass> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(i < melanoma ? LesionClass.MELANOMA
                    : i < melanoma + keratosis ? LesionClass.SEBORRHEIC_KERATOSIS : LesionClass.NEVUS);
        }
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    private static String key(GeneratedConfig c) {
        String text = "v" + GENERATOR_VERSION + " count " + c.count() + " size " + c.size() + " hairs " + c.hairs()
                + " seed " + c.seed();
        return HexFormat.of().formatHex(PreparedCache.digest().digest(text.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
    }

    /** Independent, well-mixed seed per image, so images can be drawn in any order or in parallel. */
    private static long imageSeed(long seed, int i) {
        long z = seed + 0x9E3779B97F4A7C15L * (i + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void writeJpeg(BufferedImage image, Path file) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** Draws one lesion image of {@code size} x {@code size} pixels. */
    static BufferedImage render(LesionClass type, int size, boolean hairs, long seed) {
        Random rnd = new Random(seed);
        int s = size;
        // Skin: tone from fair to darker, low-frequency shading and reddish blotches.
        double tone = rnd.nextDouble();
        double[] skin = {lerp(236, 196, tone), lerp(196, 146, tone), lerp(176, 118, tone)};
        Noise shade = new Noise(rnd, 3, 3);
        Noise blotch = new Noise(rnd, 5, 2);

        // Lesion shape: size, ellipse, radial harmonics (the border), edge softness, by class.
        double r0;
        double aspect;
        double[] amp = new double[13];
        double edge;
        switch (type) {
            case NEVUS -> {
                r0 = uniform(rnd, 0.12, 0.19);
                aspect = uniform(rnd, 0.9, 1.1);
                for (int k = 2; k <= 5; k++) {
                    amp[k] = uniform(rnd, 0, 0.025) / k;
                }
                edge = 0.012;
            }
            case SEBORRHEIC_KERATOSIS -> {
                r0 = uniform(rnd, 0.17, 0.26);
                aspect = uniform(rnd, 0.75, 1.25);
                for (int k = 2; k <= 6; k++) {
                    amp[k] = uniform(rnd, 0, 0.09) / Math.sqrt(k);
                }
                edge = 0.004;
            }
            default -> {
                r0 = uniform(rnd, 0.24, 0.34);
                aspect = uniform(rnd, 0.7, 1.3);
                for (int k = 1; k <= 3; k++) {
                    amp[k] = uniform(rnd, 0.05, 0.14);
                }
                for (int k = 4; k <= 12; k++) {
                    amp[k] = uniform(rnd, 0, 0.12) / Math.sqrt(k);
                }
                edge = 0.03;
            }
        }
        double[] phase = new double[amp.length];
        for (int k = 0; k < amp.length; k++) {
            phase[k] = uniform(rnd, 0, 2 * Math.PI);
        }
        double cx = 0.5 + rnd.nextGaussian() * 0.035;
        double cy = 0.5 + rnd.nextGaussian() * 0.035;
        double rot = uniform(rnd, 0, Math.PI);
        double cos = Math.cos(rot);
        double sin = Math.sin(rot);
        Noise edgeNoise = new Noise(rnd, 8, 2);
        // Border radius per angle, tabulated: the harmonics are the costliest part per pixel.
        double[] radiusAt = new double[ANGLES + 1];
        for (int a = 0; a <= ANGLES; a++) {
            double theta = 2 * Math.PI * a / ANGLES - Math.PI;
            double radius = 1;
            for (int k = 1; k < amp.length; k++) {
                radius += amp[k] * Math.cos(k * theta + phase[k]);
            }
            radiusAt[a] = radius * r0;
        }

        // Lesion colours and textures by class.
        double dark = uniform(rnd, 0.8, 1.1);
        double[] base = switch (type) {
            case NEVUS -> new double[] {150 * dark, 95 * dark, 66 * dark};
            case SEBORRHEIC_KERATOSIS -> {
                double r = uniform(rnd, 165, 205);
                yield new double[] {r, r * uniform(rnd, 0.7, 0.76), r * uniform(rnd, 0.5, 0.56)};
            }
            default -> new double[] {120 * dark, 74 * dark, 50 * dark};
        };
        double[][] palette = {
            {95, 55, 35}, {38, 28, 28}, {112, 118, 140}, {172, 86, 80}, {150, 100, 68}};
        Noise[] colourField = new Noise[palette.length];
        for (int i = 0; i < palette.length; i++) {
            colourField[i] = new Noise(rnd, 4, 2);
        }
        Noise texture = new Noise(rnd, 10, 3);
        Noise warpU = new Noise(rnd, 6, 2);
        Noise warpV = new Noise(rnd, 6, 2);
        double cell = switch (type) {
            case NEVUS -> uniform(rnd, 0.03, 0.045);
            case SEBORRHEIC_KERATOSIS -> 0.06;
            default -> uniform(rnd, 0.04, 0.07);
        };
        double netStrength = switch (type) {
            case NEVUS -> uniform(rnd, 0.15, 0.3);
            case SEBORRHEIC_KERATOSIS -> 0.0;
            default -> uniform(rnd, 0.25, 0.45);
        };
        double jitter = type == LesionClass.NEVUS ? 0.45 : 0.9;
        long netSeed = rnd.nextLong();
        double[][] milia = new double[type == LesionClass.SEBORRHEIC_KERATOSIS ? 3 + rnd.nextInt(6) : 0][];
        for (int i = 0; i < milia.length; i++) {
            double a = uniform(rnd, 0, 2 * Math.PI);
            double d = Math.sqrt(rnd.nextDouble()) * r0 * 0.7;
            milia[i] = new double[] {cx + d * Math.cos(a), cy + d * Math.sin(a), uniform(rnd, 0.006, 0.013)};
        }

        float[] hair = hairs && rnd.nextDouble() < 0.35 ? drawHairs(rnd, s) : null;
        double field = uniform(rnd, 1.0, 1.12); // dermoscope field radius, in half image sides

        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        long grain = rnd.nextLong() | 1;
        double[] px = new double[3];
        double[] les = new double[3];
        for (int y = 0; y < s; y++) {
            double v = (y + 0.5) / s;
            for (int x = 0; x < s; x++) {
                double u = (x + 0.5) / s;
                // Skin.
                double sh = 1 + 0.07 * shade.at(u, v);
                double red = Math.max(0, blotch.at(u, v)) * 14;
                px[0] = skin[0] * sh + red;
                px[1] = skin[1] * sh - red * 0.4;
                px[2] = skin[2] * sh - red * 0.3;

                // Lesion mask from the polar border.
                double dx = u - cx;
                double dy = v - cy;
                double ex = (dx * cos + dy * sin) * aspect;
                double ey = (-dx * sin + dy * cos) / aspect;
                double d = Math.hypot(ex, ey);
                double radius = radiusAt[(int) ((Math.atan2(ey, ex) + Math.PI) / (2 * Math.PI) * ANGLES)];
                double e = edge * (type == LesionClass.MELANOMA ? 1 + 0.8 * edgeNoise.at(u, v) : 1);
                double m = clamp((radius - d) / Math.max(e, 0.002) + 0.5);
                if (m > 0) {
                    double rel = d / radius; // 0 at the centre, 1 at the border
                    lesionColour(type, base, palette, colourField, texture, u, v, rel, les);
                    // Pigment network: darker lines of a warped grid, fading towards the border.
                    if (netStrength > 0) {
                        double wu = u + 0.25 * cell * warpU.at(u, v);
                        double wv = v + 0.25 * cell * warpV.at(u, v);
                        double gap = cellGap(wu / cell, wv / cell, jitter, netSeed);
                        double width = type == LesionClass.MELANOMA
                                ? 0.08 + 0.25 * Math.max(0, texture.at(u * 0.5, v * 0.5)) : 0.1;
                        double line = clamp(1 - (gap - width) / 0.08);
                        double fade = type == LesionClass.NEVUS ? 1 - 0.6 * rel
                                : clamp(0.5 + 1.5 * warpU.at(v, u)); // atypical: broken, patchy
                        double dim = 1 - netStrength * line * fade;
                        les[0] *= dim;
                        les[1] *= dim;
                        les[2] *= dim;
                    }
                    for (double[] mil : milia) {
                        double md = Math.hypot(u - mil[0], v - mil[1]) / mil[2];
                        if (md < 1.5) {
                            double a = clamp(1.5 - md);
                            les[0] = lerp(les[0], 235, a);
                            les[1] = lerp(les[1], 222, a);
                            les[2] = lerp(les[2], 190, a);
                        }
                    }
                    for (int c = 0; c < 3; c++) {
                        px[c] = lerp(px[c], les[c], m);
                    }
                }
                // Hairs over everything, then the dark dermoscope field in the corners.
                if (hair != null && hair[y * s + x] > 0) {
                    double a = hair[y * s + x];
                    px[0] = lerp(px[0], 48, a);
                    px[1] = lerp(px[1], 36, a);
                    px[2] = lerp(px[2], 30, a);
                }
                double rr = Math.hypot(u - 0.5, v - 0.5) / 0.5;
                double out = clamp((rr - field) / 0.06 + 0.5);
                int o = (y * s + x) * 3;
                for (int c = 0; c < 3; c++) {
                    grain ^= grain << 13;
                    grain ^= grain >>> 7;
                    grain ^= grain << 17;
                    // Sensor noise: sum of two uniforms (triangular), standard deviation about 2.5.
                    double noise = ((grain & 0xFFFF) + ((grain >>> 16) & 0xFFFF)) / 65535.0 - 1;
                    double val = lerp(px[c], 8, out) + noise * 6;
                    // TYPE_3BYTE_BGR stores blue first.
                    data[o + 2 - c] = (byte) Math.max(0, Math.min(255, (int) Math.round(val)));
                }
            }
        }
        return img;
    }

    private static void lesionColour(LesionClass type, double[] base, double[][] palette, Noise[] field,
                                     Noise texture, double u, double v, double rel, double[] out) {
        switch (type) {
            case NEVUS -> {
                // Uniform brown, slightly darker in the centre.
                double f = 0.92 + 0.1 * rel + 0.03 * texture.at(u, v);
                for (int c = 0; c < 3; c++) {
                    out[c] = base[c] * f;
                }
            }
            case SEBORRHEIC_KERATOSIS -> {
                // Waxy cerebriform surface: bright ridges and dark fissures.
                double t = texture.at(u, v);
                double ridge = 1 - 2 * Math.abs(t);
                double f = 0.95 + 0.12 * ridge - (ridge < -0.4 ? 0.25 : 0);
                for (int c = 0; c < 3; c++) {
                    out[c] = base[c] * f;
                }
            }
            default -> {
                // Several colours in blotches: soft-max over smooth random fields picks the local colour.
                double total = 0;
                out[0] = 0;
                out[1] = 0;
                out[2] = 0;
                for (int i = 0; i < palette.length; i++) {
                    double w = Math.exp(4 * field[i].at(u, v) + (i == 0 ? 0.5 : 0));
                    total += w;
                    for (int c = 0; c < 3; c++) {
                        out[c] += w * lerp(palette[i][c], base[c], 0.25);
                    }
                }
                double f = 1 + 0.05 * texture.at(u, v);
                for (int c = 0; c < 3; c++) {
                    out[c] = out[c] / total * f;
                }
            }
        }
    }

    /**
     * Distance between the nearest and second-nearest jittered cell centre (Worley F2 - F1) at
     * (x, y) in cell units: near 0 on the borders between cells, which draws a honeycomb network.
     */
    private static double cellGap(double x, double y, double jitter, long seed) {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        double f1 = Double.MAX_VALUE;
        double f2 = Double.MAX_VALUE;
        for (int j = iy - 1; j <= iy + 1; j++) {
            for (int i = ix - 1; i <= ix + 1; i++) {
                long h = hash(seed, i, j);
                double px = i + 0.5 + jitter * (((h & 0xFFFF) / 65535.0) - 0.5);
                double py = j + 0.5 + jitter * ((((h >>> 16) & 0xFFFF) / 65535.0) - 0.5);
                double d = Math.hypot(x - px, y - py);
                if (d < f1) {
                    f2 = f1;
                    f1 = d;
                } else if (d < f2) {
                    f2 = d;
                }
            }
        }
        return f2 - f1;
    }

    private static long hash(long seed, int i, int j) {
        long z = seed ^ (i * 0x9E3779B97F4A7C15L) ^ (j * 0xC2B2AE3D27D4EB4FL);
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** Coverage (0..1) of 1 to 5 thin dark curved hairs (quadratic Bezier curves across the image). */
    private static float[] drawHairs(Random rnd, int s) {
        float[] cover = new float[s * s];
        int count = 1 + rnd.nextInt(5);
        for (int h = 0; h < count; h++) {
            double[] p0 = {uniform(rnd, -0.1, 1.1) * s, uniform(rnd, -0.1, 1.1) * s};
            double[] p2 = {uniform(rnd, -0.1, 1.1) * s, uniform(rnd, -0.1, 1.1) * s};
            double[] p1 = {uniform(rnd, 0, 1) * s, uniform(rnd, 0, 1) * s};
            double half = Math.max(0.5, s * uniform(rnd, 0.002, 0.005));
            int steps = 3 * s;
            for (int i = 0; i <= steps; i++) {
                double t = (double) i / steps;
                double a = (1 - t) * (1 - t);
                double b = 2 * (1 - t) * t;
                double c = t * t;
                double hx = a * p0[0] + b * p1[0] + c * p2[0];
                double hy = a * p0[1] + b * p1[1] + c * p2[1];
                int r = (int) Math.ceil(half + 1);
                for (int y = (int) hy - r; y <= (int) hy + r; y++) {
                    for (int x = (int) hx - r; x <= (int) hx + r; x++) {
                        if (x < 0 || y < 0 || x >= s || y >= s) {
                            continue;
                        }
                        double d = Math.hypot(x + 0.5 - hx, y + 0.5 - hy);
                        float cov = (float) (0.85 * clamp(half + 0.5 - d));
                        if (cov > cover[y * s + x]) {
                            cover[y * s + x] = cov;
                        }
                    }
                }
            }
        }
        return cover;
    }

    /** Smooth value noise in roughly [-1, 1]: octaves of random grids, smoothstep-interpolated. */
    private static final class Noise {
        private final int[] grid;
        private final float[][] values;

        Noise(Random rnd, int cells, int octaves) {
            grid = new int[octaves];
            values = new float[octaves][];
            for (int o = 0; o < octaves; o++) {
                int g = cells << o;
                grid[o] = g;
                values[o] = new float[(g + 2) * (g + 2)];
                for (int i = 0; i < values[o].length; i++) {
                    values[o][i] = (float) (rnd.nextDouble() * 2 - 1);
                }
            }
        }

        double at(double u, double v) {
            double sum = 0;
            double amp = 1;
            double norm = 0;
            for (int o = 0; o < grid.length; o++) {
                int g = grid[o];
                double x = Math.max(0, Math.min(g, u * g));
                double y = Math.max(0, Math.min(g, v * g));
                int ix = Math.min((int) x, g - 1);
                int iy = Math.min((int) y, g - 1);
                double fx = smooth(x - ix);
                double fy = smooth(y - iy);
                float[] val = values[o];
                int row = g + 2;
                double top = lerp(val[iy * row + ix], val[iy * row + ix + 1], fx);
                double bottom = lerp(val[(iy + 1) * row + ix], val[(iy + 1) * row + ix + 1], fx);
                sum += amp * lerp(top, bottom, fy);
                norm += amp;
                amp *= 0.5;
            }
            return sum / norm;
        }

        private static double smooth(double t) {
            return t * t * (3 - 2 * t);
        }
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }

    private static double uniform(Random rnd, double lo, double hi) {
        return lo + (hi - lo) * rnd.nextDouble();
    }
}
