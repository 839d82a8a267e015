package org.melanogans.engine.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the engine looks for tcmalloc, and that it takes the first library that is there. */
class AllocatorTest {
    @Test
    void theFirstLibraryThatExistsIsTaken(@TempDir Path dir) throws Exception {
        Path present = Files.createFile(dir.resolve("b.so.4"));
        Path later = Files.createFile(dir.resolve("c.so.4"));
        assertEquals(Optional.of(present), Allocator.first(List.of(dir.resolve("a.so.4"), present, later)));
        assertEquals(Optional.empty(), Allocator.first(List.of(dir.resolve("a.so.4"))));
    }

    @Test
    void onLinuxX8664TheDebianLibraryOfThisArchitectureComesFirst() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
                && System.getProperty("os.arch").equals("amd64"));
        assertEquals(List.of(Path.of("/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4"),
                Path.of("/usr/lib64/libtcmalloc_minimal.so.4")), Allocator.tcmallocCandidates());
    }
}
