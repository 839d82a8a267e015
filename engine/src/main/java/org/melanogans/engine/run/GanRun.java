package org.melanogans.engine.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.UserException;
import org.melanogans.engine.checkpoint.CheckpointStore;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.TrainConfig;
import org.melanogans.engine.layout.GanLayout;
import org.melanogans.engine.metrics.ColorHistogram;
import org.melanogans.engine.checkpoint.Untrained;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.SlicedWasserstein;
import org.melanogans.engine.metrics.StructureMetrics;
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
     * @param metrics          how the samples' structure, diversity and copying are scored
     */
    public record Spec(String name, ModelConfig model, TrainConfig train, long seed, int checkpointEpochs,
                       int samples, int grid, String planHash, StructureMetrics.Settings metrics) {
    }

    /**
     * What came out.
     *
     * @param training                steps, epochs, time, throughput and the untrained figures
     * @param histogram               the samples' histogram metrics against the training images
     * @param structure               the samples' structure, diversity and copying against the training images
     * @param samples                 the samples, as written
     * @param generatorParameters     the generator's trainable parameters
     * @param discriminatorParameters the discriminator's trainable parameters
     * @param sampleSeconds           wall time drawing and writing the samples
     * @param scoreSeconds            wall time scoring them (every metric and plot)
     */
    public record Outcome(TrainingResult training, HistogramMetrics histogram, StructureMetrics structure,
                          ImageSet samples, long generatorParameters, long discriminatorParameters,
                          double sampleSeconds, double scoreSeconds) {
    }

    private GanRun() {
    }

    /**
     * Trains (or resumes) the GAN on {@code data}, writes its files where {@code layout} says, and
     * scores its samples.
     */
    public static Outcome run(Spec spec, ImageSet data, GanLayout layout, EngineLog log) {
        ColorHistogram real = ColorHistogram.of(data);
        try (TrainingGraph graph = new TrainingGraph(spec.model(), spec.train(), data.resolution(), spec.seed())) {
            log.info(String.format(Locale.ROOT, "%s: %s, %d px, generator %,d parameters, discriminator %,d",
                    spec.name(), spec.model().type().yamlName(), data.resolution(), graph.generatorParameterCount(),
                    graph.discriminatorParameterCount()));
            Trainer trainer = new Trainer(spec.name(), graph, data, spec.train(), spec.seed(),
                    new CheckpointStore(layout.checkpoints(), log::warn), spec.planHash(),
                    List.of(new ProgressLog(log, spec.train().logEvery()),
                            new LossLog(layout.losses(), spec.train().logEvery()),
                            new EmdCurve(graph, real, spec.seed(), layout.emdCurve(), log)),
                    spec.checkpointEpochs());
            TrainingResult result = trainer.run(() -> untrained(graph, spec, data, real, log));
            long sampling = System.nanoTime();
            byte[] pixels = new byte[spec.samples() * data.bytesPerImage()];
            ColorHistogram fake = writeSamples(graph, spec.samples(), spec.grid(), spec.seed(), layout.samples(),
                    layout.grid(), layout.scaleGrids(),
                    (i, rgb) -> System.arraycopy(rgb, 0, pixels, i * rgb.length, rgb.length));
            ImageSet samples = images(spec.name(), data.resolution(), pixels);
            long scoring = System.nanoTime();
            HistogramMetrics histogram = HistogramMetrics.between(real, fake);
            Plots.histograms(real, fake, spec.name() + " against its training images", layout.histogramPlot());
            StructureMetrics structure;
            try {
                structure = StructureMetrics.between(data, samples, spec.metrics());
            } catch (IllegalArgumentException cannot) {
                throw new UserException(spec.name() + ": its samples cannot be scored: " + cannot.getMessage(), cannot);
            }
            Plots.swdLevels(structure.swdLevels(), spec.name() + ": sliced Wasserstein distance per level",
                    layout.swdPlot());
            Plots.nearest(structure.closest(), samples, data, spec.name() + ": closest to a training image",
                    layout.nearestPicture());
            long scored = System.nanoTime();
            log.info(String.format(Locale.ROOT, "%s: EMD %.5f (untrained %.5f), JS divergence %.5f, SWD %.2f"
                            + " (untrained %s), MS-SSIM %.4f (real %.4f), copies %.3f; %d samples in %s (drawn in %.1f s,"
                            + " scored in %.1f s)", spec.name(),
                    histogram.emd(), result.untrainedEmd(), histogram.jsDivergence(), structure.swd(),
                    result.untrained().swd() == null ? "-" : String.format(Locale.ROOT, "%.2f",
                            result.untrained().swd()), structure.msSsim(), structure.msSsimReal(), structure.copies(),
                    spec.samples(), layout.samples(), (scoring - sampling) / 1e9, (scored - scoring) / 1e9));
            return new Outcome(result, histogram, structure, samples, graph.generatorParameterCount(),
                    graph.discriminatorParameterCount(), (scoring - sampling) / 1e9, (scored - scoring) / 1e9);
        }
    }

    /** The untrained generator's EMD and SWD, from as many samples as the trained one is scored on. */
    private static Untrained untrained(TrainingGraph graph, Spec spec, ImageSet data, ColorHistogram real,
                                       EngineLog log) {
        byte[] pixels = new byte[spec.samples() * data.bytesPerImage()];
        ColorHistogram fake = new ColorHistogram();
        Sampler.sample(graph, spec.samples(), spec.seed(), (i, rgb) -> {
            fake.add(rgb, 0, rgb.length);
            System.arraycopy(rgb, 0, pixels, i * rgb.length, rgb.length);
        });
        double emd = HistogramMetrics.between(real, fake).emd();
        ImageSet samples = images(spec.name(), data.resolution(), pixels);
        int n = Math.min(data.count(), samples.count());
        double swd = SlicedWasserstein.between(StructureMetrics.randomSubset(data, n, spec.metrics().seed()),
                StructureMetrics.first(samples, n), spec.metrics().swdSettings()).swd();
        log.info(String.format(Locale.ROOT, "%s: untrained generator EMD %.5f, SWD %.2f", spec.name(), emd, swd));
        return new Untrained(emd, swd);
    }

    /** Samples held as an image set (ids sample-00000 ...). */
    private static ImageSet images(String name, int side, byte[] pixels) {
        int count = pixels.length / (side * side * 3);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format(Locale.ROOT, "sample-%05d", i));
        }
        return ImageSet.of(ids, null, side, pixels);
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
