package org.melanogans.engine.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.model.GanModel;
import org.melanogans.engine.model.GanModels;
import org.melanogans.engine.model.LeastSquaresLoss;
import org.melanogans.engine.model.layers.Parameters;
import org.melanogans.engine.tf.SessionOptions;
import org.melanogans.engine.tf.StepTrace;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One GAN's training graph and session: a single {@link #step} runs the D update, then the G
 * update on the same fake batch against the updated D (the canonical DCGAN step, as the PyTorch
 * peer does it), in one session call. Multi-scale models sum their least-squares losses over the
 * scales (one D per scale, all in the one discriminator network).
 *
 * <p>Gradients are taken per network ({@code Graph.addGradients} with only that network's
 * variables), so the G step never moves D. The G-step pass through D is gated on the D update by
 * a control dependency on its inputs.
 */
public final class TrainingGraph implements AutoCloseable {
    private final Graph graph;
    private final Session session;
    private final GanModel model;
    private final int batch;
    private final Placeholder<TFloat32> real;
    private final Placeholder<TFloat32> z;
    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final List<Operand<TFloat32>> generated;
    private final Operand<TFloat32> dLoss;
    private final Operand<TFloat32> gLoss;
    private final Op dTrain;
    private final Op gTrain;
    private final float beta1;
    private final float beta2;
    private final long seed;
    /** Null without augmentation: the graph is then exactly what it was before augmentation existed. */
    private final DiffAugment augment;
    private StepTrace trace;

    public TrainingGraph(ModelConfig modelConfig, TrainConfig train, int resolution, long seed) {
        graph = new Graph();
        try {
            Ops tf = Ops.create(graph);
            batch = train.batch();
            beta1 = (float) train.beta1();
            beta2 = (float) train.beta2();
            this.seed = seed;
            augment = modelConfig.augment().isEmpty() ? null : new DiffAugment(tf, modelConfig.augment(), batch);
            model = GanModels.create(tf, modelConfig, resolution, seed);
            real = tf.withName("real").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(batch, resolution, resolution, 3)));
            z = tf.withName("z").placeholder(TFloat32.class, Placeholder.shape(Shape.of(batch, model.noiseSize())));
            beta1Power = tf.withName("beta1_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            beta2Power = tf.withName("beta2_power").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));

            generated = new ArrayList<>();
            for (Operand<TFloat32> image : model.generate(z)) {
                generated.add(tf.withName("fake_" + image.shape().get(1)).identity(image));
            }
            List<Operand<TFloat32>> realViews = model.realViews(real);
            List<Operand<TFloat32>> fakeViews = model.fakeViews(generated, z, real);
            Operand<TFloat32> dSum = null;
            for (int k = 0; k < fakeViews.size(); k++) {
                dSum = add(tf, dSum, LeastSquaresLoss.discriminator(tf,
                        model.discriminate(k, augmented(realViews.get(k))),
                        model.discriminate(k, augmented(fakeViews.get(k)))));
            }
            dLoss = tf.withName("d_loss").identity(dSum);
            dTrain = minimize(tf, "d_train", dLoss, model.discriminatorParameters(), train);
            Operand<TFloat32> gSum = null;
            for (int k = 0; k < fakeViews.size(); k++) {
                // the G step's pass through D_k must see D's updated weights
                Operand<TFloat32> afterD = tf.withControlDependencies(List.of(dTrain)).identity(fakeViews.get(k));
                gSum = add(tf, gSum, LeastSquaresLoss.generator(tf, model.discriminate(k, augmented(afterD))));
            }
            gLoss = tf.withName("g_loss").identity(gSum);
            gTrain = minimize(tf, "g_train", gLoss, model.generatorParameters(), train);

            session = new Session(graph, SessionOptions.config(
                    train.intraOpThreads(), train.interOpThreads(), train.bfloat16()));
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** What a discriminator sees of a batch: the batch, or its augmentation with fresh draws. */
    private Operand<TFloat32> augmented(Operand<TFloat32> view) {
        return augment == null ? view : augment.apply(view);
    }

    /** Multi-scale losses are summed over the scales. */
    private static Operand<TFloat32> add(Ops tf, Operand<TFloat32> sum, Operand<TFloat32> term) {
        return sum == null ? term : tf.math.add(sum, term);
    }

    private Op minimize(Ops tf, String name, Operand<TFloat32> loss, Parameters params, TrainConfig train) {
        List<Variable<TFloat32>> vars = params.variables();
        Output<?>[] x = new Output<?>[vars.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = vars.get(i).asOutput();
        }
        Output<?>[] grads = graph.addGradients(loss.asOutput(), x);
        return AdamUpdate.build(tf, name, vars, new ArrayList<>(List.of(grads)),
                (float) train.learningRate(), beta1, beta2, beta1Power, beta2Power);
    }

    public GanModel model() {
        return model;
    }

    public int batch() {
        return batch;
    }

    public long generatorParameterCount() {
        return model.generatorParameters().count();
    }

    public long discriminatorParameterCount() {
        return model.discriminatorParameters().count();
    }

    /** Traces the steps from now on into {@code trace} (null: no more tracing). */
    public void trace(StepTrace trace) {
        this.trace = trace;
    }

    /**
     * One training step.
     *
     * @param realImages batch x res x res x 3 floats in [-1, 1]
     * @param noise      batch x noiseSize floats
     * @param t          1-based Adam step number (bias correction)
     */
    public StepLosses step(float[] realImages, float[] noise, long t) {
        int res = model.resolution();
        List<TFloat32> fed = new ArrayList<>();
        try (TFloat32 realT = TFloat32.tensorOf(Shape.of(batch, res, res, 3), DataBuffers.of(realImages));
             TFloat32 zT = TFloat32.tensorOf(Shape.of(batch, model.noiseSize()), DataBuffers.of(noise));
             TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(beta1, t));
             TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(beta2, t))) {
            Session.Runner runner = session.runner()
                    .feed(real, realT).feed(z, zT).feed(beta1Power, p1).feed(beta2Power, p2);
            if (augment != null) {
                fed = augment.feed(runner, seed, t);
            }
            try (Result result = StepTrace.run(runner.addTarget(dTrain).addTarget(gTrain).fetch(dLoss).fetch(gLoss),
                    trace)) {
                return new StepLosses(scalar(result.get(0)), scalar(result.get(1)));
            }
        } finally {
            fed.forEach(TFloat32::close);
        }
    }

    /** Runs the generator on batch x noiseSize noise; returns batch x res x res x 3 floats near [-1, 1]. */
    public float[] generate(float[] noise) {
        List<float[]> scales = generateScales(noise, false);
        return scales.get(scales.size() - 1);
    }

    /** Runs the generator; returns its images at every scale, coarsest first. */
    public List<float[]> generateScales(float[] noise) {
        return generateScales(noise, true);
    }

    private List<float[]> generateScales(float[] noise, boolean all) {
        List<Operand<TFloat32>> wanted = all ? generated : List.of(generated.get(generated.size() - 1));
        List<float[]> out = new ArrayList<>();
        try (TFloat32 zT = TFloat32.tensorOf(Shape.of(batch, model.noiseSize()), DataBuffers.of(noise))) {
            Session.Runner runner = session.runner().feed(z, zT);
            wanted.forEach(runner::fetch);
            try (Result result = runner.run()) {
                for (int i = 0; i < wanted.size(); i++) {
                    long side = wanted.get(i).shape().get(1);
                    float[] images = new float[(int) (batch * side * side * 3)];
                    ((TFloat32) result.get(i)).asRawTensor().data().asFloats().read(images);
                    out.add(images);
                }
            }
        }
        return out;
    }

    /**
     * Overwrites the trainable variables, generator's then discriminator's in creation order,
     * with the given values (used to check the graph against another implementation's weights).
     */
    void assignParameters(List<float[]> values) {
        List<Variable<TFloat32>> vars = new ArrayList<>(model.generatorParameters().variables());
        vars.addAll(model.discriminatorParameters().variables());
        if (values.size() != vars.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + vars.size() + " variables");
        }
        Ops tf = Ops.create(graph);
        for (int i = 0; i < vars.size(); i++) {
            Variable<TFloat32> v = vars.get(i);
            if (values.get(i).length != v.shape().size()) {
                throw new IllegalArgumentException(v.op().name() + ": " + values.get(i).length + " values for shape "
                        + v.shape());
            }
            try (TFloat32 value = TFloat32.tensorOf(v.shape(), DataBuffers.of(values.get(i)))) {
                var in = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
                session.runner().feed(in, value).addTarget(tf.assign(v, in)).run();
            }
        }
    }

    /** Saves every variable (weights and Adam moments) under the given path prefix. */
    public void save(Path prefix) {
        session.save(prefix.toString());
    }

    public void restore(Path prefix) {
        try {
            session.restore(prefix.toString());
        } catch (org.tensorflow.exceptions.TensorFlowException damaged) {
            // a checkpoint written before checksums were kept, or one of another model's variables
            throw new UserException(prefix.getParent() + " cannot be restored (its variables files are damaged or"
                    + " belong to another model); delete that folder to resume from the checkpoint before it, or"
                    + " start the run again with -Dgan.fresh", damaged);
        }
    }

    private static float scalar(Tensor t) {
        return ((TFloat32) t).getFloat();
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }

    /** Losses of one step. */
    public record StepLosses(float discriminator, float generator) {
        public boolean finite() {
            return Float.isFinite(discriminator) && Float.isFinite(generator);
        }
    }
}
