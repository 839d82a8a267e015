package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.experiment.ClassifierOptimizer;
import org.melanogans.engine.experiment.ClassifierRecipe;
import org.melanogans.engine.UserException;
import org.melanogans.engine.model.classifier.ResNet;

/**
 * The Keras ResNet-50 notop layout, written here at a sixteenth of the width (same layer names and
 * structure, a small file), loads into our ResNet-50 with every value where it belongs.
 */
class KerasWeightsTest {
    /** Keras layer -> weight -> values, for a ResNet-50 of the given base width, with random values. */
    private static Map<String, Map<String, float[][][][]>> kerasFile(Path file, int baseWidth, String skipLayer,
                                                                     Random random) throws Exception {
        Map<String, Map<String, float[][][][]>> written = new HashMap<>();
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            int[] widths = {baseWidth, 2 * baseWidth, 4 * baseWidth, 8 * baseWidth};
            int[] blocks = {3, 4, 6, 3};
            conv(h5, written, "conv1", "bn_conv1", 7, 3, baseWidth, skipLayer, random);
            int in = baseWidth;
            for (int s = 0; s < 4; s++) {
                for (int b = 0; b < blocks[s]; b++) {
                    String id = (s + 2) + "" + (char) ('a' + b);
                    int w = widths[s];
                    conv(h5, written, "res" + id + "_branch2a", "bn" + id + "_branch2a", 1, in, w, skipLayer, random);
                    conv(h5, written, "res" + id + "_branch2b", "bn" + id + "_branch2b", 3, w, w, skipLayer, random);
                    conv(h5, written, "res" + id + "_branch2c", "bn" + id + "_branch2c", 1, w, 4 * w, skipLayer, random);
                    if (b == 0) {
                        conv(h5, written, "res" + id + "_branch1", "bn" + id + "_branch1", 1, in, 4 * w, skipLayer,
                                random);
                    }
                    in = 4 * w;
                }
            }
        }
        return written;
    }

    private static void conv(WritableHdfFile h5, Map<String, Map<String, float[][][][]>> written, String conv,
                             String bn, int k, int in, int out, String skip, Random random) {
        if (!conv.equals(skip)) {
            float[][][][] kernel = new float[k][k][in][out];
            for (float[][][] a : kernel) {
                for (float[][] b : a) {
                    for (float[] c : b) {
                        fill(c, random, 0);
                    }
                }
            }
            WritableGroup g = h5.putGroup(conv).putGroup(conv);
            g.putDataset("kernel:0", kernel);
            float[] bias = fill(new float[out], random, 0);
            g.putDataset("bias:0", bias);
            written.put(conv, Map.of("kernel", kernel, "bias", wrap(bias)));
        }
        WritableGroup g = h5.putGroup(bn).putGroup(bn);
        Map<String, float[][][][]> values = new HashMap<>();
        for (String w : new String[] {"gamma", "beta", "moving_mean", "moving_variance"}) {
            float[] v = fill(new float[out], random, w.equals("moving_variance") || w.equals("gamma") ? 1 : 0);
            g.putDataset(w + ":0", v);
            values.put(w, wrap(v));
        }
        written.put(bn, values);
    }

    private static float[] fill(float[] x, Random random, float offset) {
        for (int i = 0; i < x.length; i++) {
            x[i] = offset + (float) random.nextGaussian() * 0.1f + (offset > 0 ? 0.2f : 0);
        }
        return x;
    }

    private static float[][][][] wrap(float[] v) {
        return new float[][][][] {{{v}}};
    }

    private static float[] flat(float[][][][] x) {
        int n = x.length * x[0].length * x[0][0].length * x[0][0][0].length;
        float[] out = new float[n];
        int i = 0;
        for (float[][][] a : x) {
            for (float[][] b : a) {
                for (float[] c : b) {
                    for (float v : c) {
                        out[i++] = v;
                    }
                }
            }
        }
        return out;
    }

    @Test
    void kerasLayerNamesLoadIntoTheirPlacesWithConvolutionBiasesFolded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notop.h5");
        Map<String, Map<String, float[][][][]>> keras = kerasFile(file, 4, null, new Random(1));
        try (ClassifierGraph graph = new ClassifierGraph(50, 4, 3, 32, 2, ClassifierOptimizer.ADAM, 1e-3f, 1,
                2, 2, true, false,
                ClassifierRecipe.PLAIN)) {
            graph.loadKerasWeights(file);
            ResNet net = graph.network();
            assertEquals(53, net.units().size(), "1 stem + 16 blocks x 3 + 4 projections");
            // a block convolution, a projection and the stem, each against the file
            for (String[] pair : new String[][] {{"conv3_block2_2", "res3b_branch2b", "bn3b_branch2b"},
                    {"conv4_block1_0", "res4a_branch1", "bn4a_branch1"}, {"conv1", "conv1", "bn_conv1"}}) {
                ResNet.ConvUnit unit = net.units().get(pair[0]);
                assertArrayEquals(flat(keras.get(pair[1]).get("kernel")), graph.value(unit.conv().filter()), pair[0]);
                assertArrayEquals(flat(keras.get(pair[2]).get("gamma")), graph.value(unit.norm().gamma()));
                assertArrayEquals(flat(keras.get(pair[2]).get("beta")), graph.value(unit.norm().beta()));
                assertArrayEquals(flat(keras.get(pair[2]).get("moving_variance")),
                        graph.value(unit.norm().movingVariance()));
                float[] mean = flat(keras.get(pair[2]).get("moving_mean"));
                float[] bias = flat(keras.get(pair[1]).get("bias"));
                float[] loaded = graph.value(unit.norm().movingMean());
                for (int i = 0; i < mean.length; i++) {
                    assertEquals(mean[i] - bias[i], loaded[i], 1e-6, "bias folded into the moving mean");
                }
            }
        }
    }

    @Test
    void withImageNetWeightsTheNetworkSeesKerasCaffePreprocessing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notop.h5");
        kerasFile(file, 4, null, new Random(4));
        Random r = new Random(9);
        float[] image = new float[32 * 32 * 3];
        float[] caffe = new float[image.length];
        float[] bgrMeans = {103.939f, 116.779f, 123.68f};
        for (int p = 0; p < 32 * 32; p++) {
            for (int c = 0; c < 3; c++) {
                image[p * 3 + c] = r.nextInt(256) / 127.5f - 1f;
            }
            for (int c = 0; c < 3; c++) {   // BGR: channel c of the network is colour 2 - c of the image
                caffe[p * 3 + c] = (image[p * 3 + 2 - c] + 1f) * 127.5f - bgrMeans[c];
            }
        }
        try (ClassifierGraph keras = new ClassifierGraph(50, 4, 3, 32, 2, ClassifierOptimizer.ADAM, 1e-3f, 1, 2, 2,
                true, false,
                ClassifierRecipe.PLAIN);
             ClassifierGraph raw = new ClassifierGraph(50, 4, 3, 32, 2, ClassifierOptimizer.ADAM, 1e-3f, 1, 2, 2,
                     false, false,
                ClassifierRecipe.PLAIN)) {
            keras.loadKerasWeights(file);
            raw.loadKerasWeights(file);
            assertArrayEquals(raw.predict(caffe, 1)[0], keras.predict(image, 1)[0], 1e-5);
        }
    }

    @Test
    void aFileOfAnotherShapeOrWithALayerMissingFailsNamingTheDataset(@TempDir Path dir) throws Exception {
        Path wide = dir.resolve("wide.h5");
        kerasFile(wide, 8, null, new Random(2));
        Path missing = dir.resolve("missing.h5");
        kerasFile(missing, 4, "res4c_branch2b", new Random(3));
        Path notHdf5 = Files.writeString(dir.resolve("weights.h5"), "not hdf5");
        try (ClassifierGraph graph = new ClassifierGraph(50, 4, 3, 32, 2, ClassifierOptimizer.ADAM, 1e-3f, 1,
                2, 2, true, false,
                ClassifierRecipe.PLAIN)) {
            assertEquals(wide + ": conv1/conv1/kernel:0 has shape [7, 7, 3, 8], expected [7, 7, 3, 4] for ResNet-50; "
                    + "this is not the Keras ResNet-50 notop weights file",
                    assertThrows(UserException.class, () -> graph.loadKerasWeights(wide)).getMessage());
            assertEquals(missing + ": res4c_branch2b/res4c_branch2b/kernel:0 is missing; this is not the Keras "
                    + "ResNet-50 notop weights file (layer res4c_branch2b expected)",
                    assertThrows(UserException.class, () -> graph.loadKerasWeights(missing)).getMessage());
            String bad = assertThrows(UserException.class, () -> graph.loadKerasWeights(notHdf5)).getMessage();
            assertEquals(true, bad.startsWith(notHdf5 + ": not a readable HDF5 file"), bad);
        }
        try (ClassifierGraph resnet18 = new ClassifierGraph(18, 4, 3, 32, 2, ClassifierOptimizer.ADAM, 1e-3f, 1,
                2, 2, true, false,
                ClassifierRecipe.PLAIN)) {
            assertEquals(wide + ": the Keras ImageNet weights are for ResNet-50; set the classifier depth to 50 or "
                    + "leave the weights unset to train ResNet-18 from scratch",
                    assertThrows(UserException.class, () -> resnet18.loadKerasWeights(wide)).getMessage());
        }
    }
}
