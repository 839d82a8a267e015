package org.melanogans.engine.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Appends the losses of every N-th step to a JSON-lines file (the loss curves of the report).
 * On resume, lines past the restored checkpoint are dropped first, so the file never holds
 * steps that were trained twice.
 */
public final class LossLog implements TrainingListener {
    private final Path file;
    private final int every;

    public LossLog(Path file, int every) {
        this.file = file;
        this.every = every;
    }

    @Override
    public void onStart(String model, long startStep, long totalSteps, int batch) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                List<String> kept = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> stepOf(line) <= startStep).toList();
                Files.write(file, kept, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onStep(StepEvent e) {
        if (e.step() % every != 0 && e.step() != e.totalSteps()) {
            return;
        }
        String line = String.format(Locale.ROOT, "{\"step\":%d,\"epoch\":%d,\"d_loss\":%s,\"g_loss\":%s,"
                + "\"images_per_second\":%.2f}%n", e.step(), e.epoch(), number(e.dLoss()), number(e.gLoss()),
                e.imagesPerSecond());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            w.write(line);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String number(float v) {
        return Float.isFinite(v) ? Float.toString(v) : "null";
    }

    private static long stepOf(String line) {
        int i = line.indexOf("\"step\":");
        if (i < 0) {
            return Long.MAX_VALUE;
        }
        int start = i + 7;
        int end = start;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        return end > start ? Long.parseLong(line.substring(start, end)) : Long.MAX_VALUE;
    }
}
