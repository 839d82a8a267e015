package org.melanogans.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Whole folders written the way {@link AtomicFile} writes files: filled under a temporary name
 * beside the target and renamed into place, so a reader (or a run killed on the way) never sees half
 * of a new folder. Replacing an existing folder is two steps (delete, rename): a kill between them
 * leaves no folder, never a mixed one.
 */
public final class Folders {
    private Folders() {
    }

    /** Fills the temporary folder. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temporary) throws IOException;
    }

    /** Fills a temporary folder with {@code content}, then renames it to {@code target} (replacing it). */
    public static void write(Path target, Content content) throws IOException {
        Path temporary = target.resolveSibling(".tmp-" + target.getFileName());
        Files.createDirectories(target.getParent());
        delete(temporary);
        Files.createDirectories(temporary);
        try {
            content.writeTo(temporary);
        } catch (IOException | RuntimeException e) {
            delete(temporary);
            throw e;
        }
        delete(target);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    /** Deletes a folder and everything in it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
