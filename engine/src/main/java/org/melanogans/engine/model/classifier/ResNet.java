package org.melanogans.engine.model.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.model.layers.Conv2D;
import org.melanogans.engine.model.layers.Dense;
import org.melanogans.engine.model.layers.MovingBatchNorm;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * ResNet v1 (He et al. 2015) for lesion classification: a 7x7 stride-2 convolution with 64
 * channels, batch norm, ReLU and a 3x3 stride-2 max pool, then four stages (64, 128, 256, 512
 * channels, the first block of stages 2-4 striding by 2), global average pooling and a dense
 * layer to the class logits. Depth 50 uses bottleneck blocks (1x1, 3x3, 1x1 with 4x expansion;
 * 3, 4, 6, 3 blocks, the paper's classifier); depth 18 uses basic blocks (two 3x3; 2, 2, 2, 2) for
 * CPU runs. Projection shortcuts (1x1 convolution + batch norm) where the shape changes. Filters
 * He-normal, batch norm with running averages ({@link MovingBatchNorm}).
 *
 * <p>Each call builds the network in one mode: {@link #training} (batch statistics, with the
 * running-average updates to run beside the optimizer) or {@link #inference}.
 */
public final class ResNet {
    private final Ops tf;
    private final Parameters params;
    private final int classes;
    private final Conv2D stem;
    private final MovingBatchNorm stemNorm;
    private final List<Block> blocks = new ArrayList<>();
    private final Dense head;
    private final Map<String, ConvUnit> units = new LinkedHashMap<>();

    /** The standard widths: 64 channels after the stem, stages 64, 128, 256, 512. */
    public ResNet(Ops tf, String prefix, int depth, int classes, long seed) {
        this(tf, prefix, depth, classes, 64, seed);
    }

    /**
     * @param baseWidth channels after the stem and of the first stage (64 standard); the stages
     *                  have 1, 2, 4 and 8 times it. Smaller values keep the layout for tests.
     */
    public ResNet(Ops tf, String prefix, int depth, int classes, int baseWidth, long seed) {
        this.tf = tf;
        int[] widths = {baseWidth, 2 * baseWidth, 4 * baseWidth, 8 * baseWidth};
        this.classes = classes;
        this.params = new Parameters(tf, prefix, seed);
        int[] counts = switch (depth) {
            case 18 -> new int[] {2, 2, 2, 2};
            case 50 -> new int[] {3, 4, 6, 3};
            default -> throw new IllegalArgumentException("ResNet depth must be 18 or 50, got " + depth);
        };
        boolean bottleneck = depth == 50;
        stem = conv("conv1", 3, baseWidth, 7, 2);
        stemNorm = new MovingBatchNorm(params, "conv1_bn", baseWidth);
        units.put("conv1", new ConvUnit(stem, stemNorm));
        int in = baseWidth;
        for (int stage = 0; stage < 4; stage++) {
            for (int b = 0; b < counts[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                String name = "conv" + (stage + 2) + "_block" + (b + 1);
                Block block = bottleneck ? new Block(name, in, widths[stage], 4 * widths[stage], stride, true)
                        : new Block(name, in, widths[stage], widths[stage], stride, false);
                blocks.add(block);
                in = block.out;
            }
        }
        head = new Dense(params, "logits", in, classes);
    }

    private Conv2D conv(String name, int in, int out, int kernel, int stride) {
        return new Conv2D(params, name, in, out, kernel, stride, false,
                (float) Math.sqrt(2.0 / (kernel * kernel * in)));
    }

    public Parameters parameters() {
        return params;
    }

    public int classes() {
        return classes;
    }

    /**
     * Every convolution with its batch norm, by name: {@code conv1}, {@code conv<stage>_block<b>_<i>}
     * (i = 1..3 in a bottleneck, 1..2 in a basic block) and {@code conv<stage>_block1_0} (the
     * projection shortcut), stages 2 to 5 as in Keras' and the paper's numbering.
     */
    public Map<String, ConvUnit> units() {
        return Collections.unmodifiableMap(units);
    }

    /** Training mode: logits [N, classes] and the batch-norm updates to run with the step. */
    public Forward training(Operand<TFloat32> images) {
        List<Op> updates = new ArrayList<>();
        Operand<TFloat32> logits = forward(images, updates);
        return new Forward(logits, updates);
    }

    /** Inference mode: logits [N, classes] from the running averages. */
    public Operand<TFloat32> inference(Operand<TFloat32> images) {
        return forward(images, null);
    }

    /** {@code updates} null: inference. */
    private Operand<TFloat32> forward(Operand<TFloat32> images, List<Op> updates) {
        Operand<TFloat32> h = tf.nn.relu(norm(stemNorm, stem.apply(images), updates));
        h = tf.nn.maxPool(h, tf.constant(new int[] {1, 3, 3, 1}), tf.constant(new int[] {1, 2, 2, 1}), "SAME");
        for (Block block : blocks) {
            h = block.apply(h, updates);
        }
        Operand<TFloat32> pooled = tf.math.mean(h, tf.constant(new int[] {1, 2}));
        return head.apply(pooled);
    }

    private static Operand<TFloat32> norm(MovingBatchNorm bn, Operand<TFloat32> x, List<Op> updates) {
        if (updates == null) {
            return bn.inference(x);
        }
        MovingBatchNorm.Training t = bn.training(x);
        updates.addAll(t.updates());
        return t.y();
    }

    /** A residual block, basic or bottleneck, with a projection shortcut when the shape changes. */
    private final class Block {
        final int out;
        final List<Conv2D> convs = new ArrayList<>();
        final List<MovingBatchNorm> norms = new ArrayList<>();
        final Conv2D projection;
        final MovingBatchNorm projectionNorm;

        Block(String name, int in, int width, int out, int stride, boolean bottleneck) {
            this.out = out;
            if (bottleneck) {
                add(name + "_1", in, width, 1, stride);
                add(name + "_2", width, width, 3, 1);
                add(name + "_3", width, out, 1, 1);
            } else {
                add(name + "_1", in, width, 3, stride);
                add(name + "_2", width, out, 3, 1);
            }
            boolean project = stride != 1 || in != out;
            projection = project ? conv(name + "_0_conv", in, out, 1, stride) : null;
            projectionNorm = project ? new MovingBatchNorm(params, name + "_0_bn", out) : null;
            if (project) {
                units.put(name + "_0", new ConvUnit(projection, projectionNorm));
            }
        }

        private void add(String name, int in, int out, int kernel, int stride) {
            convs.add(conv(name + "_conv", in, out, kernel, stride));
            norms.add(new MovingBatchNorm(params, name + "_bn", out));
            units.put(name, new ConvUnit(convs.get(convs.size() - 1), norms.get(norms.size() - 1)));
        }

        Operand<TFloat32> apply(Operand<TFloat32> x, List<Op> updates) {
            Operand<TFloat32> h = x;
            for (int i = 0; i < convs.size(); i++) {
                h = norm(norms.get(i), convs.get(i).apply(h), updates);
                if (i < convs.size() - 1) {
                    h = tf.nn.relu(h);
                }
            }
            Operand<TFloat32> shortcut = projection == null ? x : norm(projectionNorm, projection.apply(x), updates);
            return tf.nn.relu(tf.math.add(h, shortcut));
        }
    }

    /** A convolution (no bias: the batch norm after it has beta) and its batch norm. */
    public record ConvUnit(Conv2D conv, MovingBatchNorm norm) {
    }

    /** Training-mode output: logits and the running-average updates. */
    public record Forward(Operand<TFloat32> logits, List<Op> updates) {
    }
}
