package org.melanogans.engine.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated, fully resolved experiment: every default filled in, every path absolute.
 *
 * @param name   experiment name (defaults to the file name without .yaml); names reports/&lt;name&gt;
 * @param source the YAML file it was read from
 * @param seed   seeds the metrics' draws (real subsets, patches, pairs) and, without {@code seeds}, the GANs
 * @param seeds  each GAN trains once per seed (initial weights, data order, noise and samples); default [seed]
 * @param device where TensorFlow runs the graphs; default cpu
 * @param data   training images
 * @param train  optimisation settings shared by all models
 * @param models models trained in turn, in file order
 * @param sample sampling settings
 * @param metrics how samples are scored beyond the histograms
 * @param usecase the use-case stage, or null when the experiment has none
 * @param report  the paper's values and the reproduction bands the report compares with
 */
public record Experiment(String name, Path source, long seed, List<Long> seeds, Device device, DataConfig data,
                         TrainConfig train,
                         List<ModelConfig> models, SampleConfig sample, MetricsConfig metrics, UsecaseConfig usecase,
                         ReportConfig report) {
    public Experiment {
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
    }
}
