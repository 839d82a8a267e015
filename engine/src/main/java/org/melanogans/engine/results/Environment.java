package org.melanogans.engine.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.melanogans.engine.experiment.Device;
import org.melanogans.engine.experiment.YamlNames;
import org.melanogans.engine.tf.CpuFeatures;
import org.melanogans.engine.tf.Natives;

/**
 * Where a run happened, so throughput numbers and results can be compared fairly across machines.
 *
 * @param java       Java runtime version
 * @param os         operating system name, version and architecture
 * @param cpu        CPU model (from /proc/cpuinfo), or the architecture when unknown
 * @param cpuFlags   the instruction sets TensorFlow's kernels choose between that the CPU has
 *                   ({@link CpuFeatures#RELEVANT}; null in older files)
 * @param cores      processors available to the JVM (null in files that do not record it)
 * @param threads    TensorFlow's intra-op threads ({@code train.intra_op_threads}, 0 resolved to the
 *                   cores; null in older files)
 * @param device     where TensorFlow ran the graphs: cpu or gpu (null in older files: cpu)
 * @param natives    the TensorFlow natives' classifier (linux-x86_64, ...; null in older files)
 * @param gpu        the GPU and its driver ("NVIDIA L4, driver 550.54.15"), or null on the CPU
 * @param tensorflow TensorFlow version used
 * @param onednn     whether TensorFlow ran its oneDNN kernels (null in older files)
 * @param bfloat16   whether training ran its convolutions in bfloat16 ({@code train.bfloat16}, with
 *                   {@code auto} resolved on this CPU; null in older files or where nothing trained)
 * @param seed       the experiment's random seed
 * @param gitCommit  commit of the working directory's repository ("-dirty" appended when tracked files differ from it), or "unknown"
 */
public record Environment(String java, String os, String cpu, List<String> cpuFlags, Integer cores,
                          Integer threads, String device, String natives, String gpu, String tensorflow,
                          Boolean onednn, Boolean bfloat16, Long seed, String gitCommit) {
    private static final String UNKNOWN = "unknown";

    /**
     * Captures the current machine; never fails (unknown facts are recorded as "unknown").
     *
     * @param intraOpThreads {@code train.intra_op_threads} (0: all cores)
     * @param gpu            the GPU and driver the run found, or null on the CPU
     */
    public static Environment capture(long seed, String tensorflowVersion, Boolean bfloat16, Device device,
                                      int intraOpThreads, String gpu) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        CpuFeatures cpu = CpuFeatures.detect();
        int cores = Runtime.getRuntime().availableProcessors();
        String natives;
        try {
            natives = Natives.host().classifier(device);
        } catch (RuntimeException unpublished) {
            natives = UNKNOWN;
        }
        return new Environment(System.getProperty("java.version"), os, cpu.model(), cpu.flags(), cores,
                intraOpThreads == 0 ? cores : intraOpThreads, YamlNames.of(device), natives, gpu, tensorflowVersion,
                cpu.onednn(System.getenv("TF_ENABLE_ONEDNN_OPTS")), bfloat16, seed, currentGitCommit());
    }

    /** Whether {@code commit} (as {@link #currentGitCommit} writes it) names the code exactly: not "-dirty", not unknown. */
    public static boolean isCleanCommit(String commit) {
        return commit != null && commit.matches(CLEAN_COMMIT);
    }

    private static final String CLEAN_COMMIT = "[0-9a-f]{40,64}";

    /**
     * HEAD's commit, with "-dirty" when tracked files differ from it: a run made from uncommitted
     * code must not claim a commit that does not hold that code.
     */
    public static String currentGitCommit() {
        String head = git("rev-parse", "HEAD");
        if (head == null || !head.matches(CLEAN_COMMIT)) {
            return UNKNOWN;
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        if (changes == null) {
            return UNKNOWN;   // cannot tell whether the tree matches HEAD
        }
        return changes.isEmpty() ? head : head + "-dirty";
    }

    /** The trimmed output of a git command, or null when git is missing, fails or hangs. */
    private static String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            git.getOutputStream().close();
            // Wait first: a hung git (e.g. a lock prompt) must not hang the run.
            if (!git.waitFor(5, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.exitValue() == 0 ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
