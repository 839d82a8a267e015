package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON-lines files survive a build killed in the middle of an append. */
class JsonTest {
    record Point(long step, double emd) {
    }

    @Test
    void aLineTornByAKillIsSkippedAndNeverGluedToTheNext(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("emd.jsonl");
        Json.append(file, new Point(1, 0.5));
        Files.writeString(file, "{\"step\":2,\"em", StandardOpenOption.APPEND);   // killed mid-write
        assertEquals(List.of(new Point(1, 0.5)), Json.readLines(file, Point.class, "EMD record"));
        Json.append(file, new Point(3, 0.25));
        assertEquals(List.of(new Point(1, 0.5), new Point(3, 0.25)), Json.readLines(file, Point.class, "EMD record"));
        // a bad line that was written whole is not a torn one: it is named
        Files.writeString(file, "{oops}\n", StandardOpenOption.APPEND);
        UserException e = assertThrows(UserException.class, () -> Json.readLines(file, Point.class, "EMD record"));
        assertTrue(e.getMessage().startsWith(file + ":3: not a EMD record"), e.getMessage());
    }
}
