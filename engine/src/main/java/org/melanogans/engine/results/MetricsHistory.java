package org.melanogans.engine.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.melanogans.engine.Json;

/**
 * Append-only JSON-lines file with one metrics.json per line, oldest first, for trend plots
 * across runs (the StyleGAN2-ADA {@code metric-*.jsonl} idea). Lines are never rewritten.
 */
public final class MetricsHistory {
    private MetricsHistory() {
    }

    /**
     * Appends {@code metrics} as one line, creating the file and its folder if needed, unless the
     * file already has a line of its run: one line per finished run, however often finishing it was
     * interrupted and retried.
     */
    public static void appendOnce(Path jsonl, MetricsFile metrics) {
        if (read(jsonl).stream().noneMatch(line -> Objects.equals(line.run(), metrics.run()))) {
            Json.append(jsonl, metrics);
        }
    }

    /**
     * Reads every entry, oldest first; blank lines are skipped, an absent file has none.
     *
     * @throws org.melanogans.engine.UserException naming the file and line when a line is not a metrics record
     */
    public static List<MetricsFile> read(Path jsonl) {
        return Json.readLines(jsonl, MetricsFile.class, "metrics record");
    }
}
