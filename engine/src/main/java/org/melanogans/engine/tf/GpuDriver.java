package org.melanogans.engine.tf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.melanogans.engine.UserException;

/**
 * The NVIDIA driver a GPU run needs, looked for before anything is resolved or downloaded: the
 * kernel module's {@code /proc/driver/nvidia/version} on Linux, else {@code nvidia-smi} on the
 * PATH (Windows, containers that hide /proc/driver).
 *
 * @param procVersion where the kernel module reports its version
 * @param nvidiaSmi   the command that names the GPUs and the driver
 */
public record GpuDriver(Path procVersion, String nvidiaSmi) {
    /** What TensorFlow 2.18 (under TensorFlow-Java 1.1.0) was built against. */
    public static final String NEEDS = "TensorFlow 2.18 (TensorFlow-Java " + SessionOptions.TENSORFLOW_VERSION
            + ") needs an NVIDIA driver for CUDA 12.5 (525.60 or newer) and cuDNN 9.3";

    public static GpuDriver system() {
        return new GpuDriver(Path.of("/proc/driver/nvidia/version"), "nvidia-smi");
    }

    /**
     * The GPUs and driver, one line ("NVIDIA L4, driver 550.54.15"), when a usable driver is present.
     *
     * @throws UserException naming what is missing, what TensorFlow needs and the way out
     */
    public String require() {
        String smi = run(nvidiaSmi, "--query-gpu=name,driver_version", "--format=csv,noheader");
        if (smi != null && !smi.isBlank()) {
            String first = smi.lines().findFirst().orElse("").trim();
            String[] parts = first.split(",\\s*");
            return parts.length == 2 ? parts[0] + ", driver " + parts[1] : first;
        }
        if (Files.isReadable(procVersion)) {
            try {
                String version = Files.readString(procVersion, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return "NVIDIA driver (" + version.trim() + ")";
            } catch (IOException e) {
                // as if absent
            }
        }
        throw new UserException("gan.device=gpu: no usable NVIDIA driver on this machine (" + procVersion
                + " is missing and " + nvidiaSmi + " does not run); " + NEEDS + "; install them, or run with"
                + " -Dgan.device=cpu");
    }

    /** A command's output, or null when it cannot run, fails or hangs. */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
