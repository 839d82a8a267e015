package org.melanogans.engine.model.classifier;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melanogans.engine.UserException;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * ImageNet weights for {@link ResNet} depth 50 from the standard Keras ResNet-50 "notop" HDF5 file
 * ({@code resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5}): each layer is a group holding its
 * weights at {@code <layer>/<layer>/<weight>:0}. The layer names are mapped explicitly:
 *
 * <ul>
 *   <li>{@code conv1} and {@code bn_conv1}: our {@code conv1};</li>
 *   <li>{@code res<s><b>_branch2a|b|c} and {@code bn<s><b>_branch2a|b|c}: our
 *       {@code conv<s>_block<n>_1|2|3}, block letter b = a, b, c, ... for n = 1, 2, 3, ...;</li>
 *   <li>{@code res<s>a_branch1} and {@code bn<s>a_branch1}: our projection {@code conv<s>_block1_0}.</li>
 * </ul>
 *
 * Keras' convolutions have a bias, ours do not (batch norm follows): the bias is folded into the
 * batch norm's moving mean (mean - bias), which is exact in inference and irrelevant in training,
 * where batch statistics subtract any constant. The classification head is not in the file and
 * keeps its fresh initialisation. Any missing layer or weight, or any shape that differs, fails
 * with one line naming the file, the dataset and both shapes.
 */
public final class KerasResNet50Weights {
    private KerasResNet50Weights() {
    }

    /** The values to assign to the network's variables. */
    public static Map<Variable<TFloat32>, float[]> read(Path file, ResNet net) {
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": ImageNet weights file not found; give the Keras ResNet-50 notop HDF5 "
                    + "file (resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5) or leave the weights unset "
                    + "to train from scratch");
        }
        Map<Variable<TFloat32>, float[]> values = new LinkedHashMap<>();
        try (HdfFile h5 = new HdfFile(file)) {
            for (Map.Entry<String, ResNet.ConvUnit> e : net.units().entrySet()) {
                String[] keras = kerasNames(e.getKey());
                ResNet.ConvUnit unit = e.getValue();
                put(values, file, h5, keras[0], "kernel", unit.conv().filter());
                float[] bias = read(file, h5, keras[0], "bias", new long[] {unit.conv().filter().shape().get(3)});
                put(values, file, h5, keras[1], "gamma", unit.norm().gamma());
                put(values, file, h5, keras[1], "beta", unit.norm().beta());
                float[] mean = read(file, h5, keras[1], "moving_mean", unit.norm().movingMean().shape().asArray());
                for (int i = 0; i < mean.length; i++) {
                    mean[i] -= bias[i];
                }
                values.put(unit.norm().movingMean(), mean);
                put(values, file, h5, keras[1], "moving_variance", unit.norm().movingVariance());
            }
        } catch (HdfException e) {
            throw new UserException(file + ": not a readable HDF5 file (" + e.getMessage() + "); give the Keras "
                    + "ResNet-50 notop weights file", e);
        }
        return values;
    }

    /** Keras' convolution and batch-norm layer names for one of our units. */
    static String[] kerasNames(String unit) {
        if (unit.equals("conv1")) {
            return new String[] {"conv1", "bn_conv1"};
        }
        // conv<stage>_block<n>_<i>
        String[] parts = unit.split("_");
        String stage = parts[0].substring("conv".length());
        char block = (char) ('a' + Integer.parseInt(parts[1].substring("block".length())) - 1);
        int i = Integer.parseInt(parts[2]);
        String branch = i == 0 ? "branch1" : "branch2" + (char) ('a' + i - 1);
        return new String[] {"res" + stage + block + "_" + branch, "bn" + stage + block + "_" + branch};
    }

    private static void put(Map<Variable<TFloat32>, float[]> values, Path file, HdfFile h5, String layer,
                            String weight, Variable<TFloat32> target) {
        values.put(target, read(file, h5, layer, weight, target.shape().asArray()));
    }

    private static float[] read(Path file, HdfFile h5, String layer, String weight, long[] shape) {
        String path = layer + "/" + layer + "/" + weight + ":0";
        Node node;
        try {
            node = h5.getByPath(path);
        } catch (HdfException e) {
            node = null;
        }
        if (!(node instanceof Dataset dataset)) {
            throw new UserException(file + ": " + path + " is missing; this is not the Keras ResNet-50 notop weights "
                    + "file (layer " + layer + " expected)");
        }
        long[] found = Arrays.stream(dataset.getDimensions()).asLongStream().toArray();
        if (!Arrays.equals(found, shape)) {
            throw new UserException(file + ": " + path + " has shape " + Arrays.toString(found) + ", expected "
                    + Arrays.toString(shape) + " for ResNet-50; this is not the Keras ResNet-50 notop weights file");
        }
        Object data = dataset.getDataFlat();
        if (data instanceof float[] f) {
            return f;
        }
        if (data instanceof double[] d) {
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw new UserException(file + ": " + path + " holds " + dataset.getJavaType().getSimpleName()
                + ", expected floating-point weights");
    }
}
