package org.melanogans.engine.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.UserException;

/**
 * Append-only JSON-lines file with one metrics.json per line, oldest first, for trend plots
 * across runs (the StyleGAN2-ADA {@code metric-*.jsonl} idea). Lines are never rewritten.
 */
public final class MetricsHistory {
    private MetricsHistory() {
    }

    /** Appends {@code metrics} as one line, creating the file and its folder if needed. */
    public static void append(Path jsonl, MetricsFile metrics) {
        byte[] line = (metrics.toJsonLine() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Path dir = jsonl.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // The whole line in one write in APPEND mode: a line is never split by another run's append on local disks.
            Files.write(jsonl, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserException(jsonl + ": cannot append (" + e.getMessage() + "); check the folder is writable", e);
        }
    }

    /**
     * Reads every entry, oldest first; blank lines are skipped.
     *
     * @throws UserException naming the file and line when a line is not a metrics record
     */
    public static List<MetricsFile> read(Path jsonl) {
        List<String> lines;
        try {
            lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(jsonl + ": cannot read (" + e.getMessage() + "); check it exists", e);
        }
        List<MetricsFile> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                entries.add(MetricsJson.LENIENT.readValue(lines.get(i), MetricsFile.class));
            } catch (IOException | RuntimeException e) {
                throw new UserException(jsonl + ":" + (i + 1) + ": not a metrics record (" + e.getMessage().lines().findFirst().orElse("")
                        + "); remove or fix that line", e);
            }
        }
        return entries;
    }
}
