package org.melanogans.engine.tf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the CPU offers TensorFlow's kernels: its model and the instruction sets oneDNN chooses
 * between (as /proc/cpuinfo names them). Figures differ between these (oneDNN picks other kernels),
 * and bfloat16 is only worth running where the CPU has AVX512_BF16 or AMX.
 *
 * @param model the CPU model, or the architecture where /proc/cpuinfo cannot be read
 * @param flags the relevant instruction sets present, in {@link #RELEVANT}'s order
 */
public record CpuFeatures(String model, List<String> flags) {
    /** The instruction sets that change TensorFlow's CPU kernels. */
    public static final List<String> RELEVANT = List.of("avx", "avx2", "fma", "avx512f", "avx512_vnni",
            "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8");

    private static final CpuFeatures THIS_MACHINE = read(Path.of("/proc/cpuinfo"));

    public CpuFeatures {
        flags = List.copyOf(flags);
    }

    /** This machine's (read once). */
    public static CpuFeatures detect() {
        return THIS_MACHINE;
    }

    /** Parses a /proc/cpuinfo; an unreadable one gives the architecture and no flags. */
    static CpuFeatures read(Path cpuinfo) {
        String model = System.getProperty("os.arch", "unknown");
        Set<String> present = Set.of();
        try {
            for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (key.equals("model name") && model.equals(System.getProperty("os.arch", "unknown"))) {
                    model = value;
                } else if (key.equals("flags") && present.isEmpty()) {
                    present = Arrays.stream(value.split("\\s+")).collect(Collectors.toSet());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux or not readable: the architecture, no flags
        }
        Set<String> found = present;
        return new CpuFeatures(model, RELEVANT.stream().filter(found::contains).toList());
    }

    /** oneDNN has bfloat16 kernels for this CPU (AVX512_BF16 or AMX); elsewhere bfloat16 only slows. */
    public boolean bfloat16() {
        return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
    }

    /**
     * Whether TensorFlow runs its oneDNN kernels: {@code TF_ENABLE_ONEDNN_OPTS} when set (the engine
     * process sets 1), else TensorFlow's own default, on for CPUs with AVX512_VNNI, AVX512_BF16 or AMX.
     */
    public boolean onednn(String enableOnednnOpts) {
        if (enableOnednnOpts != null && !enableOnednnOpts.isBlank()) {
            String v = enableOnednnOpts.trim();
            return v.equals("1") || v.equalsIgnoreCase("true");
        }
        return flags.contains("avx512_vnni") || bfloat16() || flags.contains("amx_tile");
    }

    /** Why bfloat16 cannot run here, naming the CPU, for a one-line error. */
    public String noBfloat16() {
        return "this CPU (" + model + ") has neither AVX512_BF16 nor AMX, so oneDNN has no bfloat16 kernels for it";
    }
}
