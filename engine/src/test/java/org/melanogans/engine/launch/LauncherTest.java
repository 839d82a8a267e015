package org.melanogans.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;

/**
 * The engine process: its natives chosen per host and device (refused for a GPU without a driver before anything
 * is resolved) and its environment.
 */
class LauncherTest {
    @Test
    void aGpuRunWithoutADriverIsRefusedBeforeAnyNativesAreResolved(@TempDir Path dir) {
        assumeFalse(Files.exists(Path.of("/proc/driver/nvidia/version")), "this machine has an NVIDIA driver");
        EngineRequest.Train train = new EngineRequest.Train(new EngineRequest.Project(dir, dir.resolve("reports"), null,
                null, null, "gpu"), false, false, List.of());
        UserException e = assertThrows(UserException.class, () -> Launcher.run(train, List.of(), EngineLog.STDOUT,
                classifier -> {
                    throw new AssertionError("nothing may be resolved or downloaded: " + classifier);
                }));
        assertTrue(e.getMessage().startsWith("gan.device=gpu: no usable NVIDIA driver on this machine"), e.getMessage());
        assertTrue(e.getMessage().contains("CUDA 12.5") && e.getMessage().contains("cuDNN 9.3"), e.getMessage());
    }

    @Test
    void aBadDeviceIsOneLineNamingTheKey(@TempDir Path dir) {
        EngineRequest.Train train = new EngineRequest.Train(new EngineRequest.Project(dir, dir.resolve("reports"), null,
                null, null, "tpu"), false, false, List.of());
        UserException e = assertThrows(UserException.class, () -> Launcher.run(train, List.of(), EngineLog.STDOUT,
                classifier -> {
                    throw new AssertionError("nothing may be resolved: " + classifier);
                }));
        assertTrue(e.getMessage().contains("device: must be one of cpu, gpu"), e.getMessage());
    }

    @Test
    void theResolvedNativesReplaceThoseOnTheClasspath() {
        List<String> classpath = List.of("/r/gan-engine.jar", "/r/tensorflow-core-native-1.1.0.jar",
                "/r/tensorflow-core-native-1.1.0-linux-x86_64.jar", "/r/tensorflow-core-api-1.1.0.jar");
        assertEquals(List.of("/r/gan-engine.jar", "/r/tensorflow-core-native-1.1.0.jar",
                        "/r/tensorflow-core-api-1.1.0.jar", "/m2/tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar"),
                ForkedEngine.withNatives(classpath, Path.of("/m2/tensorflow-core-native-1.1.0-linux-x86_64-gpu.jar")));
        assertEquals(classpath, ForkedEngine.withNatives(classpath, null));
    }

    @Test
    void theEngineProcessPreloadsTheFirstAllocatorThatExistsUnlessTheUserChose(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing/libtcmalloc_minimal.so.4");
        Path present = Files.createFile(dir.resolve("libtcmalloc_minimal.so.4"));
        Map<String, String> environment = new HashMap<>();
        ForkedEngine.setEnvironment(environment, List.of(missing, present));
        assertEquals(Map.of("TF_ENABLE_ONEDNN_OPTS", "1", "TF_CPP_MIN_LOG_LEVEL", "2", "LD_PRELOAD", present.toString()),
                environment);

        Map<String, String> without = new HashMap<>();
        ForkedEngine.setEnvironment(without, List.of(missing));
        assertEquals(Map.of("TF_ENABLE_ONEDNN_OPTS", "1", "TF_CPP_MIN_LOG_LEVEL", "2"), without, "no library: glibc's malloc");

        Map<String, String> chosen = new HashMap<>(Map.of("LD_PRELOAD", "", "TF_ENABLE_ONEDNN_OPTS", "0"));
        ForkedEngine.setEnvironment(chosen, List.of(present));
        assertEquals(Map.of("TF_ENABLE_ONEDNN_OPTS", "0", "TF_CPP_MIN_LOG_LEVEL", "2", "LD_PRELOAD", ""), chosen,
                "an empty LD_PRELOAD keeps glibc's malloc");
    }
}
