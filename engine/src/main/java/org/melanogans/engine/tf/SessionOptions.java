package org.melanogans.engine.tf;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/** The TensorFlow session configuration: thread pools and the oneDNN bfloat16 rewrite. */
public final class SessionOptions {
    /** The TensorFlow-Java release the engine is built against. */
    public static final String TENSORFLOW_VERSION = "1.1.0";

    private SessionOptions() {
    }

    /**
     * @param intraOpThreads threads inside one op (0 = all cores)
     * @param interOpThreads ops run concurrently (0 = all cores); 2 measured faster than 1 here
     * @param bfloat16       let grappler move convolutions to bfloat16 (oneDNN, AMX where present)
     */
    public static ConfigProto config(int intraOpThreads, int interOpThreads, boolean bfloat16) {
        ConfigProto.Builder builder = ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(intraOpThreads)
                .setInterOpParallelismThreads(interOpThreads);
        RewriterConfig.Builder rewrite = RewriterConfig.newBuilder();
        if (bfloat16) {
            rewrite.setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON);
        }
        builder.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(rewrite));
        return builder.build();
    }

    /**
     * A session for work beside training (the metrics' matrix products): its own single inter-op
     * thread. TensorFlow creates the process-wide inter-op pool once, with the settings of the
     * first session that asks for it; a metrics session created first with 1 thread slowed the
     * quickstart's training that followed by 15% (151 against 176 images/s here).
     *
     * @param intraOpThreads threads inside one op (the process-wide pool: pass the training's)
     */
    public static ConfigProto beside(int intraOpThreads) {
        return config(intraOpThreads, 1, false).toBuilder().setUsePerSessionThreads(true).build();
    }
}
