package org.melanogans.engine.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.layout.GanLayout;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.report.Plots;
import org.melanogans.engine.sample.SampleGrid;
import org.melanogans.engine.sample.SampleWriter;
import org.melanogans.engine.sample.Sampler;
import org.melanogans.engine.train.LossLog;
import org.melanogans.engine.train.ProgressLog;
import org.melanogans.engine.train.Trainer;
import org.melanogans.engine.train.TrainingGraph;
import org.melanogans.engine.train.TrainingResult;

/**
 * One GAN end to end, the same sequence wherever a GAN trains (a Table 1 model, a use-case seed's
 * melanoma GAN): build its graph, train it with checkpoints (resuming from the newest), progress
 * and loss logs and the per-checkpoint EMD curve, draw its samples with their grids, and score them
 * against the images it learned.
 */
public final class GanRun {
    /**
     * What to train and how.
     *
     * @param name             names the GAN in the log and its checkpoints ({@code dcgan}, {@code lapgan (usecase seed 2)})
     * @param model            the architecture
     * @param train            epochs, batch, optimizer, threads
     * @param seed             initial weights, data order, noise and samples
     * @param checkpointEpochs a checkpoint every this many epochs and at the end
     * @param samples          samples drawn and scored after training (also the untrained reference's count)
     * @param grid             the grid pictures show grid x grid samples
     * @param planHash         the run's plan, which a checkpoint must match to be resumed
     */
    public record Spec(String name, ModelConfig model, TrainConfig train, long seed, int checkpointEpochs,
                       int samples, int grid, String planHash) {
    }

    /**
     * What came out.
     *
     * @param training                steps, epochs, time, throughput and the untrained EMD
     * @param histogram               the samples' histogram metrics against the training images
     * @param generatorParameters     the generator's trainable parameters
     * @param discriminatorParameters the discriminator's trainable parameters
     */
    public record Outcome(TrainingResult training, HistogramMetrics histogram, long generatorParameters,
                          long discriminatorParameters) {
    }

    private GanRun() {
    }

    /**
     * Trains (or resumes) the GAN on {@code data}, writes its files where {@code layout} says, and
     * scores its samples.
     *
     * @param alsoSamples receives every sample as it is written (e.g. to keep them in memory), or null
     */
    public static Outcome run(Spec spec, ImageSet data, GanLayout layout, EngineLog log, Sampler.Sink alsoSamples) {
        ColorHistogram real = ColorHistogram.of(data);
        try (TrainingGraph graph = new TrainingGraph(spec.model(), spec.train(), data.resolution(), spec.seed())) {
            log.info(String.format(Locale.ROOT, "%s: %s, %d px, generator %,d parameters, discriminator %,d",
                    spec.name(), spec.model().type().yamlName(), data.resolution(), graph.generatorParameterCount(),
                    graph.discriminatorParameterCount()));
            Trainer trainer = new Trainer(spec.name(), graph, data, spec.train(), spec.seed(),
                    new CheckpointStore(layout.checkpoints()), spec.planHash(),
                    List.of(new ProgressLog(log, spec.train().logEvery()),
                            new LossLog(layout.losses(), spec.train().logEvery()),
                            new EmdCurve(graph, real, spec.seed(), layout.emdCurve(), log)),
                    spec.checkpointEpochs());
            TrainingResult result = trainer.run(() -> {
                double emd = EmdCurve.emd(graph, real, spec.samples(), spec.seed());
                log.info(String.format(Locale.ROOT, "%s: untrained generator EMD %.5f", spec.name(), emd));
                return emd;
            });
            ColorHistogram fake = writeSamples(graph, spec.samples(), spec.grid(), spec.seed(), layout.samples(),
                    layout.grid(), layout.scaleGrids(), alsoSamples);
            HistogramMetrics histogram = HistogramMetrics.between(real, fake);
            Plots.histograms(real, fake, spec.name() + " against its training images", layout.histogramPlot());
            log.info(String.format(Locale.ROOT, "%s: EMD %.5f (untrained %.5f), JS divergence %.5f, %d samples in %s",
                    spec.name(), histogram.emd(), result.untrainedEmd(), histogram.jsDivergence(), spec.samples(),
                    layout.samples()));
            return new Outcome(result, histogram, graph.generatorParameterCount(),
                    graph.discriminatorParameterCount());
        }
    }

    /**
     * Writes {@code count} samples into {@code samplesDir} (replacing any sample files there: a
     * resumed run draws them again), the grid into {@code gridFile} and, for multi-scale models,
     * one grid per scale from the same noise into {@code scaleGrids}; returns the samples' colour
     * histogram.
     */
    public static ColorHistogram writeSamples(TrainingGraph graph, int count, int grid, long seed, Path samplesDir,
                                              Path gridFile, Path scaleGrids, Sampler.Sink alsoSamples) {
        SampleWriter.clearSamples(samplesDir);
        SampleWriter writer = new SampleWriter(samplesDir, gridFile, graph.model().resolution(), grid);
        ColorHistogram fake = new ColorHistogram();
        Sampler.sample(graph, count, seed, (i, rgb) -> {
            writer.accept(i, rgb);
            fake.add(rgb, 0, rgb.length);
            if (alsoSamples != null) {
                alsoSamples.accept(i, rgb);
            }
        });
        writer.writeGrid();
        List<Integer> scales = graph.model().scales();
        if (scales.size() > 1) {
            List<SampleGrid> grids = scales.stream().map(side -> new SampleGrid(side, grid)).toList();
            Sampler.sampleScales(graph, grid * grid, seed, (i, perScale) -> {
                for (int k = 0; k < perScale.size(); k++) {
                    grids.get(k).add(i, perScale.get(k));
                }
            });
            for (int k = 0; k < scales.size(); k++) {
                grids.get(k).write(scaleGrids.resolve(scales.get(k) + "px.png"));
            }
        }
        return fake;
    }
}
