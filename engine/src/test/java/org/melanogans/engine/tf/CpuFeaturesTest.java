package org.melanogans.engine.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What /proc/cpuinfo tells the engine: bfloat16 only where oneDNN has kernels for it. */
class CpuFeaturesTest {
    private static CpuFeatures cpu(Path dir, String model, String flags) throws Exception {
        return CpuFeatures.read(Files.writeString(dir.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: " + model
                + "\nflags\t\t: fpu sse2 " + flags + "\n\nprocessor\t: 1\nmodel name\t: other\nflags\t\t: fpu\n"));
    }

    @Test
    void bfloat16OnlyWithAvx512Bf16OrAmx(@TempDir Path dir) throws Exception {
        CpuFeatures epyc = cpu(dir, "AMD EPYC 7B13", "avx avx2 fma");
        assertEquals("AMD EPYC 7B13", epyc.model());
        assertEquals(List.of("avx", "avx2", "fma"), epyc.flags());
        assertFalse(epyc.bfloat16());
        assertEquals("this CPU (AMD EPYC 7B13) has neither AVX512_BF16 nor AMX, so oneDNN has no bfloat16 kernels"
                + " for it", epyc.noBfloat16());
        assertFalse(epyc.onednn(null), "TensorFlow's default on an AVX2 CPU");
        assertTrue(epyc.onednn("1"), "the engine process sets TF_ENABLE_ONEDNN_OPTS=1");

        CpuFeatures genoa = cpu(dir, "AMD EPYC 9B14", "avx2 avx512f avx512_bf16 avx512_vnni");
        assertTrue(genoa.bfloat16());
        assertEquals(List.of("avx2", "avx512f", "avx512_vnni", "avx512_bf16"), genoa.flags(), "RELEVANT's order");
        assertTrue(genoa.onednn(null));
        assertFalse(genoa.onednn("0"));

        assertTrue(cpu(dir, "Intel Xeon", "avx2 avx512f amx_tile amx_bf16").bfloat16());
    }

    @Test
    void anUnreadableCpuinfoGivesTheArchitectureAndNoFlags(@TempDir Path dir) {
        CpuFeatures none = CpuFeatures.read(dir.resolve("missing"));
        assertEquals(System.getProperty("os.arch"), none.model());
        assertEquals(List.of(), none.flags());
        assertFalse(none.bfloat16());
    }
}
