package org.melanogans.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.melanogans.engine.results.Environment;

/**
 * The machine a baseline was measured on. The same seed gives other figures on another CPU
 * (oneDNN picks other kernels), so a check elsewhere says what differs.
 *
 * @param cpu        CPU model
 * @param cpuFlags   the instruction sets TensorFlow's kernels choose between
 * @param cores      processors
 * @param os         operating system
 * @param java       Java version
 * @param tensorflow TensorFlow version
 * @param onednn     whether oneDNN kernels ran
 * @param bfloat16   whether training ran in bfloat16
 * @param device     cpu or gpu (null in older baselines)
 * @param gpu        the GPU and driver (null on the CPU)
 */
public record BaselineEnvironment(String cpu, List<String> cpuFlags, Integer cores, String os, String java,
                                  String tensorflow, Boolean onednn, Boolean bfloat16, String device, String gpu) {

    /** The machine part of a run's environment (null when the run recorded none). */
    static BaselineEnvironment of(Environment e) {
        return e == null ? null : new BaselineEnvironment(e.cpu(), e.cpuFlags(), e.cores(), e.os(), e.java(),
                e.tensorflow(), e.onednn(), e.bfloat16(), e.device(), e.gpu());
    }

    /** What differs in {@code other}, one phrase each ("cpu AMD EPYC -> Intel Xeon"); facts either side lacks are skipped. */
    List<String> differences(BaselineEnvironment other) {
        List<String> out = new ArrayList<>();
        differ(out, "cpu", cpu, other.cpu);
        differ(out, "cpu flags", cpuFlags, other.cpuFlags);
        differ(out, "cores", cores, other.cores);
        differ(out, "os", os, other.os);
        differ(out, "java", java, other.java);
        differ(out, "tensorflow", tensorflow, other.tensorflow);
        differ(out, "onednn", onednn, other.onednn);
        differ(out, "bfloat16", bfloat16, other.bfloat16);
        differ(out, "device", device, other.device);
        differ(out, "gpu", gpu, other.gpu);
        return out;
    }

    private static void differ(List<String> out, String what, Object baseline, Object now) {
        if (baseline != null && now != null && !Objects.equals(baseline, now)) {
            out.add(what + " " + baseline + " -> " + now);
        }
    }
}
