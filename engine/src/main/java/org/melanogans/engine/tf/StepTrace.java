package org.melanogans.engine.tf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.StepStats;

/**
 * Where a training step's time goes, op type by op type: TensorFlow's own statistics of traced
 * steps ({@code FULL_TRACE}), each kernel's time from its start to the end of its outputs, summed
 * per op type ({@code _MklNativeConv2DBackpropFilter}, {@code FusedBatchNormV3}, ...). Kernels of
 * the inter-op threads overlap, so the ops' sum may exceed the step's wall time. Tracing costs
 * something per kernel (traced steps ran 7-27% slower than untraced ones here), which inflates the
 * small ops' shares: time untraced steps for the rate, traced ones for where the time goes.
 */
public final class StepTrace {
    /** How many steps a benchmark traces after its timed ones. */
    public static final int STEPS = 5;

    private static final RunOptions FULL_TRACE = RunOptions.newBuilder()
            .setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();

    /** How many of the costliest nodes a summary names. */
    static final int NODES = 25;

    private final Map<String, long[]> byOp = new HashMap<>();   // op type -> {kernel runs, microseconds}
    private final Map<String, long[]> byNode = new HashMap<>(); // "node (op type)" -> the same
    private int steps;
    private long wallNanos;

    /**
     * One op type's (or node's) cost per traced step.
     *
     * @param runs  kernel runs per step
     * @param share of the ops' summed time
     */
    public record OpCost(String op, double runs, double msPerStep, double share) {
    }

    /**
     * The trace of some steps.
     *
     * @param wallMsPerStep a traced step's wall time
     * @param opMsPerStep   the ops' summed time per step (over all threads)
     * @param ops           costliest first
     * @param nodes         the {@value #NODES} costliest nodes, as {@code "name (op type)"}, costliest first
     */
    public record Summary(int steps, double wallMsPerStep, double opMsPerStep, List<OpCost> ops, List<OpCost> nodes) {
    }

    /**
     * Runs {@link #STEPS} steps numbered from {@code first} with this trace attached to their graph
     * (through {@code attach}, detached after): the steps after a benchmark's timed ones.
     */
    public void record(Consumer<StepTrace> attach, int first, IntConsumer step) {
        attach.accept(this);
        try {
            for (int i = first; i < first + STEPS; i++) {
                step.accept(i);
            }
        } finally {
            attach.accept(null);
        }
    }

    /** Runs {@code runner}, traced into {@code trace} unless it is null. */
    public static Result run(Session.Runner runner, StepTrace trace) {
        if (trace == null) {
            return runner.run();
        }
        long start = System.nanoTime();
        Result result = runner.setOptions(FULL_TRACE).runAndFetchMetadata();
        trace.wallNanos += System.nanoTime() - start;
        try {
            trace.add(result.getMetadata().orElseThrow(() -> new IllegalStateException("a traced run returned no metadata"))
                    .getStepStats());
            return result;
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }

    void add(StepStats stats) {
        steps++;
        // a GPU reports its kernels once per stream and again under "/stream:all": count the device's own entry only
        stats.getDevStatsList().stream().filter(device -> !device.getDevice().contains("/stream:"))
                .flatMap(device -> device.getNodeStatsList().stream())
                .forEach(node -> {
                    String op = opType(node);
                    for (long[] cost : List.of(byOp.computeIfAbsent(op, k -> new long[2]),
                            byNode.computeIfAbsent(node.getNodeName() + " (" + op + ")", k -> new long[2]))) {
                        cost[0]++;
                        cost[1] += node.getAllEndRelMicros();
                    }
                });
    }

    /** The op type of a node's timeline label {@code "name = Type(inputs)"}; the node's name when it has none. */
    static String opType(NodeExecStats node) {
        String label = node.getTimelineLabel();
        int eq = label.indexOf(" = ");
        if (eq < 0) {
            return node.getNodeName();
        }
        int paren = label.indexOf('(', eq);
        return label.substring(eq + 3, paren < 0 ? label.length() : paren);
    }

    public Summary summary() {
        if (steps == 0) {
            throw new IllegalStateException("no step was traced");
        }
        double total = byOp.values().stream().mapToLong(c -> c[1]).sum() / 1000.0 / steps;
        List<OpCost> nodes = costs(byNode, total);
        return new Summary(steps, wallNanos / 1e6 / steps, total, costs(byOp, total),
                nodes.subList(0, Math.min(NODES, nodes.size())));
    }

    private List<OpCost> costs(Map<String, long[]> byName, double total) {
        List<OpCost> costs = new ArrayList<>();
        byName.forEach((name, c) -> costs.add(new OpCost(name, (double) c[0] / steps, c[1] / 1000.0 / steps,
                total == 0 ? 0 : c[1] / 1000.0 / steps / total)));
        costs.sort(Comparator.comparingDouble(OpCost::msPerStep).reversed().thenComparing(OpCost::op));
        return costs;
    }
}
