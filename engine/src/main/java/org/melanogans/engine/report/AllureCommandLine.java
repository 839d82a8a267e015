package org.melanogans.engine.report;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.Folders;
import org.melanogans.engine.UserException;

/**
 * Allure 2's command line, from its distribution zip (the Maven artifact
 * {@code io.qameta.allure:allure-commandline:<version>:zip}, resolved by Maven, never downloaded
 * here): unpacked once next to the reports, run with this JVM's Java to turn a results folder into
 * the HTML report. Allure's trend graphs need the previous report's {@code history/} copied into the
 * results first, which {@link #generate} does.
 */
public final class AllureCommandLine {
    private final Path home;

    private AllureCommandLine(Path home) {
        this.home = home;
    }

    /** Unpacks {@code zip} under {@code cacheRoot} unless an earlier call already did. */
    public static AllureCommandLine unpack(Path zip, Path cacheRoot) {
        if (!Files.isRegularFile(zip)) {
            throw new UserException(zip + ": the Allure command line zip is missing; run the build online once so"
                    + " Maven resolves io.qameta.allure:allure-commandline");
        }
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path target = cacheRoot.resolve(name);
        Path marker = target.resolve(".unpacked");
        try {
            if (!Files.exists(marker)) {
                Path temp = Files.createTempDirectory(Files.createDirectories(cacheRoot), name + "-");
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        Path out = temp.resolve(e.getName()).normalize();
                        if (!out.startsWith(temp)) {
                            throw new UserException(zip + ": entry " + e.getName() + " leaves the folder; not an"
                                    + " Allure distribution");
                        }
                        if (e.isDirectory()) {
                            Files.createDirectories(out);
                        } else {
                            Files.createDirectories(out.getParent());
                            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Files.writeString(temp.resolve(".unpacked"), zip.toString());
                if (Files.exists(target)) {
                    Folders.delete(target);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            try (var dirs = Files.list(target)) {
                Path home = dirs.filter(d -> Files.isRegularFile(d.resolve("bin").resolve("allure"))).findFirst()
                        .orElseThrow(() -> new UserException(zip + ": no bin/allure inside; not an Allure"
                                + " command line distribution"));
                return new AllureCommandLine(home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code allure generate results -o output --clean}, after copying {@code output/history} (the
     * previous report's) into the results so the trend graphs continue.
     */
    public void generate(Path results, Path output, boolean singleFile, EngineLog log) {
        try {
            Path history = output.resolve("history");
            if (Files.isDirectory(history)) {
                Path target = Files.createDirectories(results.resolve("history"));
                try (var files = Files.list(history)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            // its main class on this JVM, as bin/allure would run it: no shell script, so the same on
            // Windows (where bin/allure is a bash script) and with spaces in paths
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    home.resolve("lib") + File.separator + "*" + File.pathSeparator + home.resolve("lib").resolve("config"),
                    "io.qameta.allure.CommandLine", "generate", results.toString(), "-o", output.toString(), "--clean"));
            if (singleFile) {
                command.add("--single-file");
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("APP_HOME", home.toString());   // where Allure finds its config and plugins
            Process p = pb.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.info("allure: " + line);
                }
            }
            int code = p.waitFor();
            if (code != 0 || !Files.isRegularFile(output.resolve("index.html"))) {
                throw new UserException("allure generate " + results + " failed (exit " + code + "); see the"
                        + " allure: lines above");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted while generating the Allure report");
        }
    }
}
