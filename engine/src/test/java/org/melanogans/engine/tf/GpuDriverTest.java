package org.melanogans.engine.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;

/** A GPU run's driver check: the GPU named from nvidia-smi or the kernel module, else one line with what TensorFlow needs. */
class GpuDriverTest {
    @Test
    void noDriverIsRefusedInOneLineWithWhatTensorFlowNeeds(@TempDir Path dir) {
        GpuDriver none = new GpuDriver(dir.resolve("proc-nvidia-version"), dir.resolve("no-nvidia-smi").toString());
        UserException e = assertThrows(UserException.class, none::require);
        assertEquals("gan.device=gpu: no usable NVIDIA driver on this machine (" + dir.resolve("proc-nvidia-version")
                + " is missing and " + dir.resolve("no-nvidia-smi") + " does not run); TensorFlow 2.18 (TensorFlow-Java"
                + " 1.1.0) needs an NVIDIA driver for CUDA 12.5 (525.60 or newer) and cuDNN 9.3; install them, or run"
                + " with -Dgan.device=cpu", e.getMessage());
    }

    @Test
    void nvidiaSmiNamesTheGpuAndDriver(@TempDir Path dir) throws Exception {
        Path smi = Files.writeString(dir.resolve("nvidia-smi"), "#!/bin/sh\necho 'NVIDIA L4, 550.54.15'\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals("NVIDIA L4, driver 550.54.15", new GpuDriver(dir.resolve("absent"), smi.toString()).require());
    }

    @Test
    void theKernelModuleIsEnoughWithoutNvidiaSmi(@TempDir Path dir) throws Exception {
        Path proc = Files.writeString(dir.resolve("version"),
                "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 22:23:56 UTC 2024\nGCC version\n");
        assertEquals("NVIDIA driver (NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar  5 22:23:56 UTC"
                + " 2024)", new GpuDriver(proc, dir.resolve("none").toString()).require());
    }
}
