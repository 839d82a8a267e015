package org.melanogans.engine.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.StepStats;

/** Kernel times summed per op type and step, from hand-made step statistics. */
class StepTraceTest {
    private static NodeExecStats node(String name, String label, long micros) {
        return NodeExecStats.newBuilder().setNodeName(name).setTimelineLabel(label).setAllEndRelMicros(micros).build();
    }

    private static StepStats step(NodeExecStats... nodes) {
        return StepStats.newBuilder().addDevStats(DeviceStepStats.newBuilder()
                .setDevice("/job:localhost/replica:0/task:0/device:CPU:0").addAllNodeStats(List.of(nodes))).build();
    }

    @Test
    void kernelTimesAreSummedPerOpTypeAndStep() {
        StepTrace trace = new StepTrace();
        trace.add(step(node("d/conv0", "d/conv0 = _MklNativeConv2D(x, w)", 3000),
                node("d/conv1", "d/conv1 = _MklNativeConv2D(h, w1)", 1000),
                node("_SOURCE", "", 0),
                node("adam/w", "adam/w = ApplyAdam(w, m, v)", 1000)));
        trace.add(step(node("d/conv0", "d/conv0 = _MklNativeConv2D(x, w)", 5000),
                node("adam/w", "adam/w = ApplyAdam(w, m, v)", 1000)));
        StepTrace.Summary s = trace.summary();
        assertEquals(2, s.steps());
        assertEquals(5.5, s.opMsPerStep(), 1e-12);     // (5 + 6) ms over 2 steps
        assertEquals(List.of(
                new StepTrace.OpCost("_MklNativeConv2D", 1.5, 4.5, 4.5 / 5.5),
                new StepTrace.OpCost("ApplyAdam", 1, 1, 1 / 5.5),
                new StepTrace.OpCost("_SOURCE", 0.5, 0, 0)), s.ops());
        assertEquals(new StepTrace.OpCost("d/conv0 (_MklNativeConv2D)", 1, 4, 4 / 5.5), s.nodes().get(0));
        assertEquals(4, s.nodes().size());
    }

    @Test
    void aGpuStreamsCopiesOfItsKernelsAreNotCountedTwice() {
        NodeExecStats conv = node("d/conv0", "d/conv0 = Conv2D(x, w)", 2000);
        StepTrace trace = new StepTrace();
        trace.add(StepStats.newBuilder()
                .addDevStats(DeviceStepStats.newBuilder().setDevice("/job:localhost/replica:0/task:0/device:GPU:0")
                        .addNodeStats(conv))
                .addDevStats(DeviceStepStats.newBuilder().setDevice("/device:GPU:0/stream:all").addNodeStats(conv))
                .addDevStats(DeviceStepStats.newBuilder().setDevice("/device:GPU:0/stream:7").addNodeStats(conv))
                .build());
        assertEquals(List.of(new StepTrace.OpCost("Conv2D", 1, 2, 1)), trace.summary().ops());
    }
}
