package org.melanogans.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.LesionClass;

/**
 * The ISIC 2017 Part 3 ground-truth CSV: header {@code image_id,melanoma,seborrheic_keratosis},
 * one row per image with 0/1 values (written {@code 0.0}/{@code 1.0}). The class is melanoma if
 * {@code melanoma == 1}, else seborrheic keratosis if that column is 1, else nevus; a row with both
 * set is contradictory and rejected. Every error names {@code file:line} and what to do.
 */
public final class IsicLabels {
    /** The header the ISIC 2017 challenge publishes. */
    public static final String HEADER = "image_id,melanoma,seborrheic_keratosis";

    private IsicLabels() {
    }

    /** Reads the CSV into id -> class, in file order. */
    public static Map<String, LesionClass> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(csv + ": cannot read the labels CSV (" + e
                    + "); check data.path and data.labels");
        }
        return parse(csv, lines);
    }

    /** Parses CSV lines already read from {@code csv} (named in messages). */
    public static Map<String, LesionClass> parse(Path csv, List<String> lines) {
        if (lines.isEmpty() || !clean(lines.get(0)).equals(HEADER)) {
            String found = lines.isEmpty() ? "an empty file" : "'" + clean(lines.get(0)) + "'";
            throw new UserException(csv + ":1: expected the header '" + HEADER + "' but found " + found
                    + "; use the ISIC 2017 Part 3 ground-truth CSV");
        }
        Map<String, LesionClass> labels = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = clean(lines.get(i));
            if (line.isEmpty()) {
                continue;
            }
            String where = csv + ":" + (i + 1) + ": ";
            String[] cells = line.split(",", -1);
            if (cells.length != 3) {
                throw new UserException(where + "expected 3 comma-separated values (" + HEADER + ") but found "
                        + cells.length + "; fix the row");
            }
            String id = cells[0].trim();
            if (id.isEmpty()) {
                throw new UserException(where + "empty image_id; fix the row");
            }
            boolean melanoma = flag(where, "melanoma", cells[1]);
            boolean keratosis = flag(where, "seborrheic_keratosis", cells[2]);
            if (melanoma && keratosis) {
                throw new UserException(where + id + " is marked both melanoma and seborrheic_keratosis;"
                        + " set at most one of them to 1");
            }
            LesionClass c = melanoma ? LesionClass.MELANOMA
                    : keratosis ? LesionClass.SEBORRHEIC_KERATOSIS : LesionClass.NEVUS;
            if (labels.put(id, c) != null) {
                throw new UserException(where + "duplicate image_id " + id + "; remove one of the rows");
            }
        }
        return Collections.unmodifiableMap(labels);
    }

    private static boolean flag(String where, String column, String cell) {
        String v = cell.trim();
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (d == 0.0) {
            return false;
        }
        if (d == 1.0) {
            return true;
        }
        throw new UserException(where + column + " is '" + v + "', expected 0.0 or 1.0; fix the value");
    }

    /** Drops a byte-order mark and surrounding white space (CRLF files included). */
    private static String clean(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        return s.strip();
    }
}
