package org.melanogans.engine.tf;

import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Proves, before a GPU run trains, that TensorFlow can run on the GPU: one operation pinned to
 * {@code /device:GPU:0} with soft placement off, so a run that asked for the GPU never reports
 * figures computed on the CPU (TensorFlow otherwise falls back to the CPU without a word).
 */
public final class GpuProbe {
    private GpuProbe() {
    }

    /**
     * The GPU and its driver, after an operation ran on it.
     *
     * @throws UserException naming what is missing and the way out
     */
    @SuppressWarnings("try")   // the fetched tensor is only closed by the try: running the op is the test
    public static String require(EngineLog log) {
        String gpu = GpuDriver.system().require();
        try (Graph g = new Graph();
             Session s = new Session(g, ConfigProto.newBuilder().setAllowSoftPlacement(false).build())) {
            Ops tf = Ops.create(g).withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.GPU)
                    .deviceIndex(0).build());
            try (Tensor sum = s.runner().fetch(tf.math.add(tf.constant(1f), tf.constant(2f))).run().get(0)) {
                log.info("TensorFlow runs the graphs on /device:GPU:0: " + gpu);
            }
        } catch (TensorFlowException | IllegalArgumentException | IllegalStateException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new UserException("gan.device=gpu: TensorFlow cannot run on the GPU (" + why + "); "
                    + GpuDriver.NEEDS + "; install them, or run with -Dgan.device=cpu", e);
        }
        return gpu;
    }
}
