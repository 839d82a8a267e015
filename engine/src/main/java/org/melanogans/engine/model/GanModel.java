package org.melanogans.engine.model;

import java.util.List;
import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A GAN built into one TensorFlow graph, at one or more scales (coarsest first; DCGAN has one).
 * At every scale k a discriminator D_k compares a view of real images with a view of generated
 * ones: the images themselves (DCGAN, DDGAN) or their Laplacian residuals (LAPGAN). The training
 * graph sums the least-squares losses over the scales.
 *
 * <p>Each method adds ops to the graph every time it is called (a discriminator is applied to real
 * and fake batches separately, so batch norm never mixes them).
 */
public interface GanModel {
    /** Noise floats per sample: z0, plus one noise plane per higher level for LAPGAN. */
    int noiseSize();

    /** Side of the final (finest) images. */
    default int resolution() {
        List<Integer> s = scales();
        return s.get(s.size() - 1);
    }

    /** Image sides from the coarsest scale to the finest. */
    List<Integer> scales();

    /** Sampling: noise [N, noiseSize] -> images per scale [N, s, s, 3], coarsest first; values near [-1, 1]. */
    List<Operand<TFloat32>> generate(Operand<TFloat32> z);

    /** What each D_k sees of a real batch [N, res, res, 3]. */
    List<Operand<TFloat32>> realViews(Operand<TFloat32> real);

    /**
     * What each D_k sees of a generated batch in training, given {@link #generate}'s images for the
     * same noise (the images themselves for DCGAN and DDGAN, so the generator is built once).
     * {@code real} is only read by models whose levels are trained conditioned on the real coarse
     * image (LAPGAN per level).
     */
    List<Operand<TFloat32>> fakeViews(List<Operand<TFloat32>> images, Operand<TFloat32> z, Operand<TFloat32> real);

    /** D_k: a view at scale k [N, s, s, 3] -> scores [N, 1]. */
    Operand<TFloat32> discriminate(int scale, Operand<TFloat32> view);

    Parameters generatorParameters();

    Parameters discriminatorParameters();
}
