package org.melanogans.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a front end asks the engine to do: one record per goal, built by the Maven plugin and read
 * by the engine (in Maven's JVM, or in the engine process for the goals that run TensorFlow). The
 * records are the protocol: {@link #toJson} and {@link #fromJson} are its only serialization.
 * Adding a property to a goal touches the Mojo and its record, nothing that parses strings.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "goal")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EngineRequest.Train.class, name = "train"),
    @JsonSubTypes.Type(value = EngineRequest.Sample.class, name = "sample"),
    @JsonSubTypes.Type(value = EngineRequest.Evaluate.class, name = "evaluate"),
    @JsonSubTypes.Type(value = EngineRequest.Check.class, name = "check"),
    @JsonSubTypes.Type(value = EngineRequest.Report.class, name = "report"),
    @JsonSubTypes.Type(value = EngineRequest.Bench.class, name = "bench"),
    @JsonSubTypes.Type(value = EngineRequest.Merge.class, name = "merge")})
public sealed interface EngineRequest {
    /** Where the goal runs and which experiment it reads. */
    Project project();

    /** Whether the goal builds TensorFlow graphs (and so runs in the engine process, with oneDNN on). */
    default boolean needsTensorFlow() {
        return false;
    }

    /** Hands this request to the matching method of {@code goals}. */
    void runOn(Goals goals);

    /** One method per goal: the compiler checks that every request has a goal that runs it. */
    interface Goals {
        void train(Train request);

        void sample(Sample request);

        void evaluate(Evaluate request);

        void check(Check request);

        void report(Report request);

        void bench(Bench request);

        void merge(Merge request);
    }

    /**
     * @param baseDir    relative paths in experiments and on the command line resolve against it
     * @param reports    where runs are written ({@code reports/})
     * @param experiment the experiment file; null: {@code experiments/quickstart.yaml}, else the embedded quickstart
     * @param overrides  {@code -Dgan.set}: {@code a.b=value,...}, or null
     * @param data       {@code -Dgan.data}: shorthand for the override {@code data.path}, or null
     * @param device     {@code -Dgan.device}: shorthand for the override {@code device}, or null
     */
    record Project(Path baseDir, Path reports, Path experiment, String overrides, Path data, String device) {
    }

    /**
     * gan:train.
     *
     * @param fresh  a new run even if the newest is unfinished
     * @param dryRun print the resolved plan and stop
     * @param models a subset of the experiment's models (empty: all, and the use-case stage)
     * @param shard  {@code -Dgan.shard=i/n}: only the units of shard i of n, or null (see
     *               {@link org.melanogans.engine.shard.Shard#select})
     * @param shards {@code -Dgan.shards=n}: the number of shards of a Kubernetes Indexed Job, or null
     */
    record Train(Project project, boolean fresh, boolean dryRun, List<String> models, String shard, Integer shards)
            implements EngineRequest {
        public Train {
            models = List.copyOf(models);
        }

        /** The whole run, or a subset of its models. */
        public Train(Project project, boolean fresh, boolean dryRun, List<String> models) {
            this(project, fresh, dryRun, models, null, null);
        }

        @Override
        public boolean needsTensorFlow() {
            return !dryRun;
        }

        @Override
        public void runOn(Goals goals) {
            goals.train(this);
        }
    }

    /**
     * gan:sample.
     *
     * @param run   {@code latest} or a run id
     * @param model one model, or null: all
     * @param count samples per model, or null: the experiment's {@code sample.count}
     * @param seed  the sample noise's seed, or null: the experiment's
     */
    record Sample(Project project, String run, String model, Integer count, Long seed) implements EngineRequest {
        @Override
        public boolean needsTensorFlow() {
            return true;
        }

        @Override
        public void runOn(Goals goals) {
            goals.sample(this);
        }
    }

    /**
     * gan:evaluate: a run's samples, or two folders ({@code real} and {@code fake} both given).
     *
     * @param output where the folders' metrics go as JSON, or null: the log
     */
    record Evaluate(Project project, String run, Path real, Path fake, Path output) implements EngineRequest {
        /** The structural metrics multiply matrices with TensorFlow. */
        @Override
        public boolean needsTensorFlow() {
            return true;
        }

        @Override
        public void runOn(Goals goals) {
            goals.evaluate(this);
        }
    }

    /**
     * gan:check.
     *
     * @param metrics          the metrics.json to check, or null: the experiment's latest
     * @param baseline         the baseline, or null: {@code experiments/baselines/<experiment>.json}
     * @param updateBaseline   write the baseline instead of checking
     * @param timing           gate the machine-dependent figures (throughput, seconds) too
     * @param failOnRegression false: report a regression as a warning and let the build pass
     */
    record Check(Project project, Path metrics, Path baseline, boolean updateBaseline, boolean timing,
                 boolean failOnRegression) implements EngineRequest {
        @Override
        public void runOn(Goals goals) {
            goals.check(this);
        }
    }

    /**
     * gan:report.
     *
     * @param allureZip  the Allure command line distribution (the plugin's own dependency)
     * @param singleFile one self-contained index.html that opens from file:// (what a CI job uploads)
     */
    record Report(Project project, String run, Path allureZip, boolean singleFile) implements EngineRequest {
        @Override
        public void runOn(Goals goals) {
            goals.report(this);
        }
    }

    /**
     * gan:bench: training steps of one model on random data. Null numbers take their defaults.
     *
     * @param model          a GAN type ({@code dcgan}, ...) or the use-case classifier ({@code resnet18},
     *                       {@code resnet50}); null: dcgan
     * @param threads        TensorFlow intra-op threads
     * @param interOpThreads TensorFlow inter-op threads
     * @param baseChannels   null: as the PyTorch peer, by resolution
     * @param output         a JSON-lines file the figures are appended to, or null
     * @param trace          a JSON file for the op-by-op cost of a few traced steps after the timed ones, or null
     */
    record Bench(Project project, String model, Integer resolution, Integer steps, Integer warmup, Integer batch,
                 Integer threads, Integer interOpThreads, Integer baseChannels, Integer zDim, boolean bfloat16,
                 Path output, Path trace) implements EngineRequest {
        @Override
        public boolean needsTensorFlow() {
            return true;
        }

        @Override
        public void runOn(Goals goals) {
            goals.bench(this);
        }
    }

    /**
     * gan:merge: the runs of an experiment's shards combined into one run.
     *
     * @param from the shards' run folders, or folders holding them (searched a few levels down)
     */
    record Merge(Project project, List<Path> from) implements EngineRequest {
        public Merge {
            from = from == null ? List.of() : List.copyOf(from);
        }

        @Override
        public void runOn(Goals goals) {
            goals.merge(this);
        }
    }

    /** This request as one line of JSON. */
    default String toJson() {
        return Json.line(this);
    }

    /** The request {@link #toJson} wrote. */
    static EngineRequest fromJson(String json) {
        try {
            return Json.LENIENT.readValue(json, EngineRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an engine request: " + e.getOriginalMessage(), e);
        }
    }
}
