package org.melanogans.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.melanogans.engine.experiment.Upsampling;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.types.TFloat32;

/**
 * The image pyramid's two operators, both differentiable. down = 2x2 average (the area
 * downsample; TensorFlow's ResizeArea has no gradient), up = 2x nearest or bilinear with
 * half-pixel centres, so a constant image maps to the same constant both ways.
 */
public final class PyramidOps {
    private final Ops tf;
    private final Upsampling upsampling;

    public PyramidOps(Ops tf, Upsampling upsampling) {
        this.tf = tf;
        this.upsampling = upsampling;
    }

    /** [N, s, s, C] -> [N, s/2, s/2, C]. */
    public Operand<TFloat32> down(Operand<TFloat32> x) {
        return tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "VALID");
    }

    /** [N, s, s, C] -> [N, 2s, 2s, C]. */
    public Operand<TFloat32> up(Operand<TFloat32> x) {
        int side = (int) x.shape().get(1) * 2;
        var size = tf.constant(new int[] {side, side});
        return switch (upsampling) {
            case NEAREST -> tf.image.resizeNearestNeighbor(x, size, ResizeNearestNeighbor.halfPixelCenters(true));
            case BILINEAR -> tf.image.resizeBilinear(x, size, ResizeBilinear.halfPixelCenters(true));
        };
    }

    /** The Gaussian-style pyramid of a batch: {@code levels} images, coarsest first, the input last. */
    public List<Operand<TFloat32>> pyramid(Operand<TFloat32> images, int levels) {
        List<Operand<TFloat32>> fineFirst = new ArrayList<>();
        Operand<TFloat32> x = images;
        fineFirst.add(x);
        for (int k = 1; k < levels; k++) {
            x = down(x);
            fineFirst.add(x);
        }
        Collections.reverse(fineFirst);
        return fineFirst;
    }

    /** The Laplacian residual of an image: I - up(down(I)), the detail its coarser level lacks. */
    public Operand<TFloat32> residual(Operand<TFloat32> image) {
        return tf.math.sub(image, up(down(image)));
    }
}
