package org.melanogans.engine.tf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The memory allocator of the engine process. TensorFlow allocates and frees its tensors every
 * step; tcmalloc made the 256 px DCGAN step 10% faster than glibc's malloc (docs/PERFORMANCE.md),
 * so the engine process is started with tcmalloc preloaded where the system has it.
 */
public final class Allocator {
    private Allocator() {
    }

    /**
     * Where Linux distributions put tcmalloc's minimal library for this JVM's architecture: Debian
     * and Ubuntu ({@code libtcmalloc-minimal4}), then Fedora and others.
     */
    public static List<Path> tcmallocCandidates() {
        String multiarch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            default -> null;
        };
        if (multiarch == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return List.of();
        }
        return List.of(Path.of("/usr/lib", multiarch, "libtcmalloc_minimal.so.4"),
                Path.of("/usr/lib64/libtcmalloc_minimal.so.4"));
    }

    /** The first of {@code candidates} that exists. */
    public static Optional<Path> first(List<Path> candidates) {
        return candidates.stream().filter(Files::isReadable).findFirst();
    }

    /** This process's allocator as benchmarks record it: what {@code LD_PRELOAD} names, else glibc's malloc. */
    public static String current() {
        String preload = System.getenv("LD_PRELOAD");
        return preload == null || preload.isBlank() ? "glibc malloc" : preload.trim();
    }
}
