package org.melanogans.engine.model;

import org.melanogans.engine.model.layers.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A GAN built into one TensorFlow graph: a generator, a discriminator and their least-squares
 * losses. Each method adds ops to the graph every time it is called (the discriminator is applied
 * to real and fake batches separately, so batch norm never mixes them).
 */
public interface GanModel {
    /** Noise dimension of the generator input. */
    int zDim();

    /** Side of the generated images. */
    int resolution();

    /** Generator: z [N, zDim] -> images [N, resolution, resolution, 3] in [-1, 1]. */
    Operand<TFloat32> generate(Operand<TFloat32> z);

    /** D's loss: 1/2 E[(D(x) - 1)^2] + 1/2 E[D(G(z))^2]. */
    Operand<TFloat32> discriminatorLoss(Operand<TFloat32> real, Operand<TFloat32> fake);

    /** G's loss: 1/2 E[(D(G(z)) - 1)^2]. */
    Operand<TFloat32> generatorLoss(Operand<TFloat32> fake);

    Parameters generatorParameters();

    Parameters discriminatorParameters();
}
