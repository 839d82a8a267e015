package org.melanogans.engine.launch;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.tf.Allocator;
import org.melanogans.engine.tf.Natives;

/**
 * Runs a TensorFlow-heavy goal (train, sample, bench) in a child JVM.
 *
 * <p>Why: TensorFlow switches its oneDNN kernels on or off from the environment variable
 * {@code TF_ENABLE_ONEDNN_OPTS}, read once per process, and leaves them off by default on CPUs
 * without AVX-512 (this project's 2-core AMD machines): measured 1.3-1.5x slower training. A JVM
 * cannot set its own environment, so the work runs in a child whose environment has it (unless the
 * user set it). The child also keeps TensorFlow's native memory and logging out of Maven's JVM.
 *
 * <p>The child runs on tcmalloc where the system has it ({@link Allocator}) and the user has not set
 * {@code LD_PRELOAD} (an empty one keeps glibc's malloc). Without the library nothing changes.
 *
 * <p>Protocol: the request goes to the child's standard input as JSON ({@link EngineRequest#toJson});
 * the child prints one line per log message ({@code I|}, {@code W|}, {@code D|}) and a user error
 * as {@code E|message} with exit code 2; a bug exits 1 with its stack trace on stderr.
 */
public final class ForkedEngine {
    static final int USER_ERROR = 2;

    private ForkedEngine() {
    }

    /**
     * Runs {@code request} in a child JVM, forwarding its log lines.
     *
     * @param natives the TensorFlow natives jar the child loads instead of any on this JVM's
     *                classpath, or null: those on this JVM's classpath
     * @throws UserException when the child reported a user mistake
     */
    public static void run(EngineRequest request, List<String> jvmArgs, EngineLog log, Path natives) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, withNatives(classpath(), natives)));
        command.add(EngineMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        setEnvironment(builder.environment(), Allocator.tcmallocCandidates());
        log.debug("engine process: TF_ENABLE_ONEDNN_OPTS=" + builder.environment().get("TF_ENABLE_ONEDNN_OPTS")
                + ", LD_PRELOAD=" + builder.environment().getOrDefault("LD_PRELOAD", ""));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        try (var stdin = process.getOutputStream()) {
            stdin.write(request.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            process.destroyForcibly();
            throw new UncheckedIOException("cannot hand the request to the engine process", e);
        }
        Thread killer = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(killer);
        Deque<String> stderrTail = new ArrayDeque<>();
        Thread stderrReader = new Thread(() -> drain(process, stderrTail, log), "engine-stderr");
        stderrReader.start();
        String userError = null;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                String text = line.length() >= 2 ? line.substring(2) : "";
                switch (line.isEmpty() ? ' ' : line.charAt(0)) {
                    case 'I' -> log.info(text);
                    case 'W' -> log.warn(text);
                    case 'E' -> userError = text;
                    default -> log.debug(line);
                }
            }
            int exit = process.waitFor();
            stderrReader.join();
            if (exit == USER_ERROR && userError != null) {
                throw new UserException(userError);
            }
            if (exit != 0) {
                throw new IllegalStateException("the engine process exited with code " + exit + "; its last output:\n"
                        + String.join("\n", stderrTail));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // the hook will run anyway
            }
        }
    }

    /**
     * The child's environment: oneDNN on, TensorFlow's C++ logging quiet, and the first of
     * {@code allocators} that exists preloaded; whatever the user set wins.
     */
    static void setEnvironment(Map<String, String> environment, List<Path> allocators) {
        environment.putIfAbsent("TF_ENABLE_ONEDNN_OPTS", "1");
        environment.putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
        if (!environment.containsKey("LD_PRELOAD")) {
            Allocator.first(allocators).ifPresent(library -> environment.put("LD_PRELOAD", library.toString()));
        }
    }

    private static void drain(Process process, Deque<String> tail, EngineLog log) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                log.debug(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > 40) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("stderr of the engine process: " + e);
        }
    }

    /**
     * The classpath with {@code natives} in place of every natives jar of a platform on it
     * ({@code tensorflow-core-native-<version>-<classifier>.jar}; the classifier-less jar holds
     * the Java side and stays).
     */
    static List<String> withNatives(List<String> classpath, Path natives) {
        if (natives == null) {
            return classpath;
        }
        List<String> out = new ArrayList<>();
        for (String entry : classpath) {
            String name = Path.of(entry).getFileName().toString();
            if (!Natives.PUBLISHED.stream().map(Natives::jarName).toList().contains(name)) {
                out.add(entry);
            }
        }
        out.add(natives.toString());
        return out;
    }

    /** The classpath this class was loaded from: the plugin's class realm in Maven, else java.class.path. */
    private static List<String> classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader loader = ForkedEngine.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(new File(url.toURI()).getPath());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        entries.add(url.getPath());
                    }
                }
                break;
            }
        }
        if (entries.isEmpty()) {
            return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        }
        // Maven lends plugins its own SLF4J and keeps it out of their realm; Allure's library needs it
        String slf4j = jarOf(org.slf4j.LoggerFactory.class);
        if (slf4j != null && !entries.contains(slf4j)) {
            entries.add(slf4j);
        }
        return entries;
    }

    private static String jarOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            return source == null ? null : new File(source.getLocation().toURI()).getPath();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
