package org.melanogans.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.melanogans.engine.Json;
import org.melanogans.engine.metrics.ColorHistogram;

/** The report's pictures, drawn with XChart as PNG files. */
public final class Plots {
    private static final String[] CHANNELS = {"red", "green", "blue"};
    private static final Color[] COLOURS = {new Color(0xC0392B), new Color(0x27AE60), new Color(0x2E86C1)};

    private Plots() {
    }

    /**
     * The paper's Figure 3: per channel, the share of pixels at each value 0..255 in the real images
     * (solid) and the samples (dashed), one panel per channel stacked in one PNG.
     */
    public static Path histograms(ColorHistogram real, ColorHistogram fake, String title, Path file) {
        double[][] r = real.normalized();
        double[][] f = fake.normalized();
        double[] x = new double[ColorHistogram.BINS];
        for (int v = 0; v < x.length; v++) {
            x[v] = v;
        }
        List<XYChart> panels = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            XYChart chart = new XYChartBuilder().width(720).height(240).title(title + ": " + CHANNELS[c])
                    .xAxisTitle("value").yAxisTitle("share of pixels").build();
            chart.getStyler().setMarkerSize(0).setLegendVisible(true).setChartBackgroundColor(Color.WHITE);
            XYSeries realSeries = chart.addSeries("real", x, r[c]);
            realSeries.setMarker(SeriesMarkers.NONE);
            realSeries.setLineColor(COLOURS[c]);
            XYSeries fakeSeries = chart.addSeries("generated", x, f[c]);
            fakeSeries.setMarker(SeriesMarkers.NONE);
            fakeSeries.setLineColor(COLOURS[c].darker()).setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT,
                            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            panels.add(chart);
        }
        return stack(panels, file);
    }

    /** The sliced Wasserstein distance per pyramid level (side in px), as bars. */
    public static Path swdLevels(java.util.Map<String, Double> levels, String title, Path file) {
        org.knowm.xchart.CategoryChart chart = new org.knowm.xchart.CategoryChartBuilder().width(480).height(320)
                .title(title).xAxisTitle("level (px)").yAxisTitle("SWD x 1000").build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        chart.addSeries("swd", new ArrayList<>(levels.keySet()), new ArrayList<>(levels.values()));
        write(BitmapEncoder.getBufferedImage(chart), file);
        return file;
    }

    /**
     * The generated images closest to a training image, one row each: the generated image, then the
     * training image nearest to it, with their distance in the title.
     */
    public static Path nearest(List<org.melanogans.engine.metrics.Memorization.Pair> pairs,
                               org.melanogans.engine.data.ImageSet generated,
                               org.melanogans.engine.data.ImageSet training, String title, Path file) {
        int side = generated.resolution();
        int scale = Math.max(1, 96 / side);
        int cell = side * scale;
        int header = 24;
        int width = Math.max(2 * cell + 3 * 4, 360);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width,
                header + pairs.size() * (cell + 16), java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.drawString(title + " (generated | training)", 4, 16);
        for (int k = 0; k < pairs.size(); k++) {
            var pair = pairs.get(k);
            int y = header + k * (cell + 16);
            g.drawImage(rgb(generated, pair.generated()), 4, y, cell, cell, null);
            g.drawImage(rgb(training, pair.reference()), 8 + cell, y, cell, cell, null);
            g.drawString(String.format(java.util.Locale.ROOT, "distance %.4f", pair.distance()), 12 + 2 * cell,
                    y + 14);
        }
        g.dispose();
        write(image, file);
        return file;
    }

    private static java.awt.image.BufferedImage rgb(org.melanogans.engine.data.ImageSet images, int i) {
        int per = images.bytesPerImage();
        byte[] one = java.util.Arrays.copyOfRange(images.pixels(), i * per, (i + 1) * per);
        return org.melanogans.engine.sample.SampleWriter.toImage(one, images.resolution());
    }

    /**
     * A learning curve from a JSON-lines file ({@code losses.jsonl}: D and G loss; {@code emd.jsonl}:
     * EMD per epoch), one series per named key against {@code step}; null when the file is absent.
     */
    public static Path curve(Path jsonl, String title, String yTitle, List<String> keys, Path file) {
        if (!Files.isRegularFile(jsonl)) {
            return null;
        }
        List<List<Double>> ys = new ArrayList<>();
        keys.forEach(k -> ys.add(new ArrayList<>()));
        List<Double> steps = new ArrayList<>();
        for (JsonNode n : lines(jsonl)) {
            steps.add(n.path("step").asDouble());
            for (int i = 0; i < keys.size(); i++) {
                ys.get(i).add(n.path(keys.get(i)).asDouble(Double.NaN));
            }
        }
        if (steps.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(720).height(320).title(title).xAxisTitle("step")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(3).setChartBackgroundColor(Color.WHITE);
        for (int i = 0; i < keys.size(); i++) {
            chart.addSeries(keys.get(i), steps, ys.get(i));
        }
        return stack(List.of(chart), file);
    }

    /**
     * Our own trend across runs, which Allure's trend graphs cannot show (they count results, not
     * values): {@code models.<model>.<metric>} of each line of the experiment's history.jsonl against
     * the run number; null with fewer than one value.
     */
    public static Path trend(Path historyJsonl, String model, String metric, Path file) {
        if (!Files.isRegularFile(historyJsonl)) {
            return null;
        }
        List<Double> runs = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (JsonNode n : lines(historyJsonl)) {
            JsonNode v = n.path("models").path(model).path(metric);
            String run = n.path("run").asText("");
            if (v.isNumber() && run.matches("run-\\d+")) {
                runs.add(Double.parseDouble(run.substring(4)));
                values.add(v.asDouble());
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        XYChart chart = new XYChartBuilder().width(720).height(320).title(model + ": " + metric + " over runs")
                .xAxisTitle("run").yAxisTitle(metric).build();
        chart.getStyler().setMarkerSize(6).setChartBackgroundColor(Color.WHITE).setLegendVisible(false);
        chart.addSeries(metric, runs, values);
        return stack(List.of(chart), file);
    }

    /**
     * A confusion matrix as a heat map: true class down, predicted class across, counts summed over
     * the seeds.
     */
    public static Path confusion(java.util.Map<String, java.util.Map<String, Integer>> counts, String title,
                                 Path file) {
        List<String> classes = new ArrayList<>(counts.keySet());
        List<Number[]> heat = new ArrayList<>();   // {predicted index, true index, count}
        for (int a = 0; a < classes.size(); a++) {
            for (int p = 0; p < classes.size(); p++) {
                heat.add(new Number[] {p, a, counts.get(classes.get(a)).getOrDefault(classes.get(p), 0)});
            }
        }
        org.knowm.xchart.HeatMapChart chart = new org.knowm.xchart.HeatMapChartBuilder().width(720).height(480)
                .title(title).xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true).setChartBackgroundColor(Color.WHITE);
        chart.addSeries("counts", classes, classes, heat);
        java.awt.image.BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        write(image, file);
        return file;
    }

    private static void write(java.awt.image.BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            org.melanogans.engine.AtomicFile.write(file, temp -> javax.imageio.ImageIO.write(image, "png",
                    temp.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write", e);
        }
    }

    /** The non-blank lines of a JSON-lines file, parsed. */
    private static List<JsonNode> lines(Path jsonl) {
        return Json.readLines(jsonl, JsonNode.class, "JSON record");
    }

    private static Path stack(List<XYChart> panels, Path file) {
        int width = panels.get(0).getWidth();
        int height = panels.stream().mapToInt(XYChart::getHeight).sum();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        int y = 0;
        for (XYChart chart : panels) {
            java.awt.image.BufferedImage panel = BitmapEncoder.getBufferedImage(chart);
            g.drawImage(panel, 0, y, null);
            y += chart.getHeight();
        }
        g.dispose();
        write(image, file);
        return file;
    }
}
