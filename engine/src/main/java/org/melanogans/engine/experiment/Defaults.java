package org.melanogans.engine.experiment;

import java.util.List;

/**
 * Every default of the experiment schema, in one place (the experiment files and the
 * {@code -Dgan.set} overrides only state what differs). Values marked "paper" come from the
 * MelanoGANs paper; the others are our documented decisions.
 */
public final class Defaults {
    private Defaults() {
    }

    /** Seeds data order, initial weights, noise and sampling. */
    public static final long SEED = 42;

    /** ISIC 2017 images folder name, relative to {@code data.path} (the official archive name). */
    public static final String IMAGES = "ISIC-2017_Training_Data";
    /** ISIC 2017 Part 3 ground-truth CSV, relative to {@code data.path} (the official file name). */
    public static final String LABELS = "ISIC-2017_Training_Part3_GroundTruth.csv";
    /** All three diagnoses (paper Table 1 trains on all of them). */
    public static final List<LesionClass> CLASSES = List.of(LesionClass.values());
    /** Center crop, as the paper does. */
    public static final CropMode CROP = CropMode.CENTER;
    public static final Device DEVICE = Device.CPU;
    /** 0 keeps every image. */
    public static final int LIMIT = 0;
    /** Environment variable naming the ISIC 2017 folder when {@code data.path} is absent. */
    public static final String ISIC2017_DIR_ENV = "ISIC2017_DIR";

    /** Generated data set size: the paper's 2000 scaled down for CPU runs. */
    public static final int GENERATED_COUNT = 600;
    /** Side of the generated JPEGs. */
    public static final int GENERATED_SIZE = 128;
    /** Hairs are a major artefact of real dermoscopy, so generated images carry them by default. */
    public static final boolean GENERATED_HAIRS = true;
    /** Generator seed, independent of {@link #SEED} so the data set stays fixed across runs. */
    public static final long GENERATED_SEED = 7;

    /** Paper: batch 8. */
    public static final int BATCH = 8;
    /** Adam learning rate, DCGAN convention (the paper does not say). */
    public static final double LEARNING_RATE = 2e-4;
    /** Adam beta1, DCGAN convention. */
    public static final double BETA1 = 0.5;
    /** Adam beta2, Adam's own default. */
    public static final double BETA2 = 0.999;
    /** One progress line every this many steps. */
    public static final int LOG_EVERY = 50;
    /** TensorFlow intra-op threads: 2 suits the 2-core CI machines; 0 means all cores. */
    public static final int INTRA_OP_THREADS = 2;
    /** TensorFlow inter-op threads. */
    public static final int INTER_OP_THREADS = 2;
    /** bfloat16 changes numerics, so it is opt-in. */
    public static final boolean BFLOAT16 = false;

    /** Paper: z dimension 64. */
    public static final int Z_DIM = 64;
    /** Channels of the highest-resolution layer. */
    public static final int BASE_CHANNELS = 64;
    /** Paper: 64 -> 128 -> 256, three scales. */
    public static final int LEVELS = 3;
    /** Convolutions per residual block (the paper leaves d open). */
    public static final int DEPTH = 3;
    /** Bilinear: smoother than nearest, no blocks for the residual block to undo. */
    public static final Upsampling UPSAMPLE = Upsampling.BILINEAR;
    /** Paper: all models trained end to end. */
    public static final LevelTraining LEVEL_TRAINING = LevelTraining.END_TO_END;

    /** The default pyramid; residual blocks get as many channels as the model's base. */
    public static PyramidConfig pyramid(int baseChannels) {
        return new PyramidConfig(LEVELS, DEPTH, baseChannels, UPSAMPLE, LEVEL_TRAINING);
    }

    /** gan:bench: image side (the PyTorch peer's default). */
    public static final int BENCH_RESOLUTION = 64;
    /** gan:bench: timed steps. */
    public static final int BENCH_STEPS = 50;
    /** gan:bench: untimed warm-up steps. */
    public static final int BENCH_WARMUP = 5;

    /** gan:bench: channels of the full-resolution layer, as the PyTorch peer: 64 up to 128 px, 32 above. */
    public static int benchBaseChannels(int resolution) {
        return resolution > 128 ? 32 : 64;
    }

    /** Paper: 2000 samples per model for the histogram metrics. */
    public static final int SAMPLE_COUNT = 2000;
    /** The grid PNG shows 8 x 8 samples. */
    public static final int SAMPLE_GRID = 8;

    /** SWD as the Progressive GAN: 128 neighbourhoods of 7x7 per image and level. */
    public static final int SWD_PATCHES = 128;
    /** SWD as the Progressive GAN: 128 random directions per repeat. */
    public static final int SWD_DIRECTIONS = 128;
    /** SWD as the Progressive GAN: 4 repeats (512 projections). */
    public static final int SWD_REPEATS = 4;
    /** MS-SSIM diversity over 1000 random distinct pairs. */
    public static final int MS_SSIM_PAIRS = 1000;

    /** Paper: 60% of each class trains the classifier, 40% validates it. */
    public static final double TRAINING_FRACTION = 0.6;
    /** Paper: the training split's melanoma cut to 46 for B_Imb. */
    public static final int RETAINED_MELANOMA = 46;
    /** One seed unless the experiment asks for repeats (a confidence interval needs at least 2). */
    public static final List<Long> USECASE_SEEDS = List.of(1L);
    /** The most seeds the 95% interval's t table covers (df 1..30). */
    public static final int MAX_SEEDS = 31;
    /** ResNet-18: the CPU classifier (the paper's is ResNet-50). */
    public static final int CLASSIFIER_DEPTH = 18;
    /** Paper: 224 px; the default is the data's side when that is smaller. */
    public static final int CLASSIFIER_RESOLUTION = 224;
    /** Paper: 100 epochs. */
    public static final int CLASSIFIER_EPOCHS = 100;
    /** Images per classifier step. */
    public static final int CLASSIFIER_BATCH = 16;
    /** Adam: the paper does not name its optimizer. */
    public static final ClassifierOptimizer CLASSIFIER_OPTIMIZER = ClassifierOptimizer.ADAM;
    /** Steps of each use-case melanoma GAN (the paper does not give its use-case GAN budget). */
    public static final int USECASE_GAN_STEPS = 2000;
    /** Learning rate for the classifier (the paper does not say). */
    public static final double CLASSIFIER_LEARNING_RATE = 1e-3;

    /**
     * Reproduction bands: distances within a factor of 2 of the paper's (their scale moves with
     * resolution and training budget, so only the order of magnitude is comparable across setups);
     * accuracies, recalls and AUCs within 0.05 (absolute).
     */
    public static final java.util.Map<String, Band> BANDS = bands();

    private static java.util.Map<String, Band> bands() {
        java.util.Map<String, Band> bands = new java.util.LinkedHashMap<>();
        for (String distance : List.of("emd", "js_divergence", "js_distance")) {
            bands.put(distance, Band.ratio(2));
        }
        for (String share : List.of("training_accuracy", "validation_accuracy", "validation_balanced_accuracy",
                "validation_melanoma_recall", "validation_melanoma_auc")) {
            bands.put(share, Band.absolute(0.05));
        }
        return java.util.Collections.unmodifiableMap(bands);
    }
}
