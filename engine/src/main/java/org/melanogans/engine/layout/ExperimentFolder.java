package org.melanogans.engine.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One experiment's folder: its numbered runs {@code run-0001/}, ..., the newest published results
 * in {@code latest/}, the append-only {@code history.jsonl} and the generated Allure report.
 *
 * @param dir the folder, absolute
 */
public record ExperimentFolder(Path dir) {
    private static final Pattern RUN_ID = Pattern.compile("run-(\\d{4,9})");

    /** The folder of the newest published copy of each result file. */
    public Path latest() {
        return dir.resolve("latest");
    }

    /** The newest published metrics.json: what CI reads. */
    public Path latestMetrics() {
        return latest().resolve(RunLayout.METRICS);
    }

    /** One line per finished run: its metrics.json. */
    public Path history() {
        return dir.resolve("history.jsonl");
    }

    /** The HTML report gan:report generates. */
    public Path allureReport() {
        return dir.resolve("allure-report");
    }

    /** The run numbered {@code number}. */
    public RunLayout run(int number) {
        return new RunLayout(dir.resolve(String.format(Locale.ROOT, "run-%04d", number)));
    }

    /** The run's number from a run id ({@code run-0003}) or a bare number ({@code 3}), or null when neither. */
    public static Integer runNumber(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        Matcher m = RUN_ID.matcher(wanted);
        return m.matches() ? Integer.valueOf(m.group(1))
                : wanted.matches("\\d{1,9}") ? Integer.valueOf(wanted) : null;
    }

    /** Run numbers present, ascending (none when the folder does not exist). */
    public List<Integer> runNumbers() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Matcher m = RUN_ID.matcher(entry.getFileName().toString());
                if (m.matches() && Files.isDirectory(entry)) {
                    numbers.add(Integer.valueOf(m.group(1)));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
        return new ArrayList<>(numbers);
    }
}
