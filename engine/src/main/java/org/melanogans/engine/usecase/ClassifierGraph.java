package org.melanogans.engine.usecase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.ClassifierConfig;
import org.melanogans.engine.experiment.ClassifierOptimizer;
import org.melanogans.engine.experiment.ClassifierRecipe;
import org.melanogans.engine.experiment.ClassifierRecipe.ClassWeights;
import org.melanogans.engine.experiment.ClassifierRecipe.LearningRateSchedule;
import org.melanogans.engine.model.classifier.KerasResNet50Weights;
import org.melanogans.engine.model.classifier.ResNet;
import org.melanogans.engine.tf.Scopes;
import org.melanogans.engine.tf.SessionOptions;
import org.melanogans.engine.tf.StepTrace;
import org.melanogans.engine.train.AdamUpdate;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A lesion classifier's graph and session: a {@link ResNet} trained with softmax cross-entropy
 * and Adam (bias-correction powers fed from the step, as for the GANs), batch norm's running
 * averages updated in the same session call; predictions use the running averages.
 */
public final class ClassifierGraph implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final int batch;
    private final int resolution;
    private final int classes;
    private final float beta1;
    private final float beta2;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TInt32> labels;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Placeholder<TFloat32> predictImages;
    /** Per-image loss weights; null when the loss is unweighted. */
    private final Placeholder<TFloat32> imageWeights;
    /** The step's learning rate; null when it is a constant of the graph. */
    private final Placeholder<TFloat32> scheduledRate;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> probabilities;
    private final List<Op> trainTargets = new ArrayList<>();

    private final ResNet net;
    private final int depth;
    private StepTrace trace;

    public ClassifierGraph(int depth, int classes, int resolution, int batch, ClassifierOptimizer optimizer,
                           float learningRate, long seed, int intraOpThreads, int interOpThreads) {
        this(depth, 64, classes, resolution, batch, optimizer, learningRate, seed, intraOpThreads, interOpThreads,
                false, false, ClassifierRecipe.PLAIN);
    }

    /**
     * The use-case classifier of an experiment; with a weights file, its ImageNet weights loaded and
     * its input preprocessed as Keras' ResNet-50 expects.
     *
     * @param bfloat16 the experiment's {@code train.bfloat16}: it applies to every graph a run trains
     */
    public static ClassifierGraph of(ClassifierConfig c, int classes, long seed, int intraOpThreads,
                                     int interOpThreads, boolean bfloat16) {
        ClassifierGraph graph = new ClassifierGraph(c.depth(), 64, classes, c.resolution(), c.batch(), c.optimizer(),
                (float) c.learningRate(), seed, intraOpThreads, interOpThreads, c.weights() != null, bfloat16,
                c.recipe());
        try {
            if (c.weights() != null) {
                graph.loadKerasWeights(c.weights());
            }
            return graph;
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /**
     * @param baseWidth  the ResNet's base width (64 standard; smaller only in tests)
     * @param kerasInput feed the network Keras' "caffe" preprocessing of the [-1, 1] images (0..255
     *                   BGR less the ImageNet channel means), which its ImageNet weights were trained on
     * @param bfloat16   let grappler move the convolutions to bfloat16 (oneDNN; AVX512_BF16 or AMX)
     * @param recipe     weighted loss and scheduled rate add their fed inputs; the plain recipe adds none
     */
    ClassifierGraph(int depth, int baseWidth, int classes, int resolution, int batch, ClassifierOptimizer optimizer,
                    float initialRate, long seed, int intraOpThreads, int interOpThreads, boolean kerasInput,
                    boolean bfloat16, ClassifierRecipe recipe) {
        graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            this.batch = batch;
            this.resolution = resolution;
            this.classes = classes;
            this.beta1 = 0.9f;
            this.beta2 = 0.999f;
            this.depth = depth;
            net = new ResNet(tf, "classifier", depth, classes, baseWidth, seed);
            images = tf.withName("images").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(batch, resolution, resolution, 3)));
            labels = tf.withName("labels").placeholder(TInt32.class, Placeholder.shape(Shape.of(batch)));
            beta1Power = tf.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            beta2Power = tf.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            ResNet.Forward train = net.training(kerasInput ? kerasPreprocess(tf, images) : images);
            // the dense op: TensorFlow's C++ gradient registry has none for the sparse one
            Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
            Operand<TFloat32> perImage = tf.nn.softmaxCrossEntropyWithLogits(train.logits(), oneHot).loss();
            if (recipe.classWeights() == ClassWeights.NONE) {
                imageWeights = null;
                loss = tf.withName("loss").math.mean(perImage, tf.constant(0));
            } else {
                // sum(w * loss) / sum(w), as PyTorch's weighted cross-entropy
                imageWeights = tf.withName("image_weights").placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(batch)));
                loss = tf.withName("loss").math.div(tf.sum(tf.math.mul(perImage, imageWeights), tf.constant(0)),
                        tf.sum(imageWeights, tf.constant(0)));
            }
            scheduledRate = recipe.schedule() == LearningRateSchedule.CONSTANT ? null
                    : tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> rate = scheduledRate != null ? scheduledRate : tf.constant(initialRate);
            List<Variable<TFloat32>> vars = net.parameters().variables();
            Output<?>[] x = new Output<?>[vars.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = vars.get(i).asOutput();
            }
            List<Output<?>> grads = List.of(graph.addGradients(loss.asOutput(), x));
            trainTargets.add(optimizer == ClassifierOptimizer.ADAM
                    ? AdamUpdate.build(tf, "adam", vars, new ArrayList<>(grads), rate, beta1, beta2,
                            beta1Power, beta2Power)
                    : momentumUpdate(tf, vars, grads, rate));
            trainTargets.addAll(train.updates());

            predictImages = tf.withName("predict_images").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, resolution, resolution, 3)));
            probabilities = tf.withName("probabilities").nn.softmax(net.inference(
                    kerasInput ? kerasPreprocess(tf, predictImages) : predictImages));
            session = new Session(graph, SessionOptions.config(intraOpThreads, interOpThreads, bfloat16));
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** [-1, 1] RGB to Keras' caffe mode: 0..255, channels reversed to BGR, ImageNet BGR means subtracted. */
    private static Operand<TFloat32> kerasPreprocess(Ops tf, Operand<TFloat32> images) {
        Operand<TFloat32> pixels = tf.math.mul(tf.math.add(images, tf.constant(1f)), tf.constant(127.5f));
        Operand<TFloat32> bgr = tf.reverse(pixels, tf.constant(new int[] {3}));
        return tf.math.sub(bgr, tf.constant(new float[] {103.939f, 116.779f, 123.68f}));
    }

    /** SGD with momentum 0.9; the accumulators are named {@code <variable>/momentum}. */
    private static Op momentumUpdate(Ops tf, List<Variable<TFloat32>> variables, List<Output<?>> gradients,
                                     Operand<TFloat32> lr) {
        Operand<TFloat32> momentum = tf.constant(0.9f);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            Variable<TFloat32> accumulator = Scopes.under(tf, v.op().name()).withName("momentum").variable(
                    tf.zeros(tf.constant(v.shape().asArray()), TFloat32.class));
            @SuppressWarnings("unchecked")
            Output<TFloat32> g = (Output<TFloat32>) gradients.get(i);
            updates.add(tf.train.applyMomentum(v, accumulator, lr, g, momentum));
        }
        return tf.withName("momentum_update").withControlDependencies(updates).noOp();
    }

    /** Traces the steps from now on into {@code trace} (null: no more tracing). */
    public void trace(StepTrace trace) {
        this.trace = trace;
    }

    /** One optimizer step of a graph with the plain recipe; returns the batch's mean cross-entropy before it. */
    public float step(float[] batchImages, int[] batchLabels, long t) {
        return step(batchImages, batchLabels, null, Double.NaN, t);
    }

    /**
     * One optimizer step.
     *
     * @param batchImages  batch x res x res x 3 floats in [-1, 1]
     * @param batchLabels  class indices
     * @param weights      each image's loss weight (a class-weighted graph only, else null)
     * @param learningRate this step's rate (a scheduled graph only, else ignored)
     * @param t            1-based step number
     * @return the batch's (weighted) mean cross-entropy before the step
     */
    public float step(float[] batchImages, int[] batchLabels, float[] weights, double learningRate, long t) {
        if ((weights == null) != (imageWeights == null)) {
            throw new IllegalArgumentException("this graph's loss is " + (imageWeights == null ? "un" : "")
                    + "weighted; image weights " + (weights == null ? "missing" : "given"));
        }
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(batch, resolution, resolution, 3), DataBuffers.of(batchImages));
             TInt32 y = TInt32.tensorOf(Shape.of(batch), DataBuffers.of(batchLabels));
             TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(beta1, t));
             TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(beta2, t));
             TFloat32 w = weights == null ? null : TFloat32.tensorOf(Shape.of(batch), DataBuffers.of(weights));
             TFloat32 lr = scheduledRate == null ? null : TFloat32.scalarOf((float) learningRate)) {
            Session.Runner runner = session.runner().feed(images, x).feed(labels, y).feed(beta1Power, p1)
                    .feed(beta2Power, p2).fetch(loss);
            if (imageWeights != null) {
                runner.feed(imageWeights, w);
            }
            if (scheduledRate != null) {
                runner.feed(scheduledRate, lr);
            }
            trainTargets.forEach(runner::addTarget);
            try (Result r = StepTrace.run(runner, trace)) {
                return ((TFloat32) r.get(0)).getFloat();
            }
        }
    }

    /** Class probabilities [n][classes] of n images (any n), from the running averages. */
    public double[][] predict(float[] imagesNhwc, int n) {
        float[] flat = new float[n * classes];
        try (TFloat32 x = TFloat32.tensorOf(Shape.of(n, resolution, resolution, 3), DataBuffers.of(imagesNhwc));
             Result r = session.runner().feed(predictImages, x).fetch(probabilities).run()) {
            ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(flat);
        }
        double[][] out = new double[n][classes];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < classes; c++) {
                out[i][c] = flat[i * classes + c];
            }
        }
        return out;
    }

    public int batch() {
        return batch;
    }

    /** Trainable parameters of the network. */
    public long parameterCount() {
        return net.parameters().count();
    }

    /** Loads ImageNet weights from the Keras ResNet-50 notop HDF5 file (depth 50 only). */
    public void loadKerasWeights(Path file) {
        if (depth != 50) {
            throw new UserException(file + ": the Keras ImageNet weights are for ResNet-50; set the classifier "
                    + "depth to 50 or leave the weights unset to train ResNet-" + depth + " from scratch");
        }
        Map<Variable<TFloat32>, float[]> values = KerasResNet50Weights.read(file, net);
        // all assignments in one session call: extending a live session's graph op by op is slow
        Ops tf = Ops.create(graph);
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            values.forEach((variable, value) -> {
                TFloat32 t = TFloat32.tensorOf(variable.shape(), DataBuffers.of(value));
                tensors.add(t);
                var in = tf.placeholder(TFloat32.class, Placeholder.shape(variable.shape()));
                runner.feed(in, t).addTarget(tf.assign(variable, in));
            });
            runner.run();
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    ResNet network() {
        return net;
    }

    /** A variable's current value, flattened. */
    float[] value(Variable<TFloat32> variable) {
        float[] out = new float[(int) variable.shape().size()];
        try (Result r = session.runner().fetch(variable).run()) {
            ((TFloat32) r.get(0)).asRawTensor().data().asFloats().read(out);
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
