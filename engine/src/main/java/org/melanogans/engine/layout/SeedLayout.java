package org.melanogans.engine.layout;

import java.nio.file.Path;

/**
 * One seed of the use-case stage: {@code <run>/usecase/seed-<s>/}, holding each finished
 * classifier's scores, the melanoma GANs and the synthetic melanoma they drew.
 *
 * @param dir the seed's folder
 */
public record SeedLayout(Path dir) {
    /** The scores of the classifier trained on {@code set}: present once it finished. */
    public Path result(String set) {
        return dir.resolve(set + ".json");
    }

    /** The melanoma GAN {@code model} of this seed; its samples are the synthetic melanoma. */
    public GanLayout gan(String model) {
        Path gan = dir.resolve("gans").resolve(model);
        Path synthetic = dir.resolve("synthetic");
        return new GanLayout(gan.resolve("checkpoints"), gan.resolve("losses.jsonl"), gan.resolve("emd.jsonl"),
                synthetic.resolve(model), synthetic.resolve(model + ".png"), gan.resolve("grids"),
                gan.resolve("histograms.png"), gan.resolve("swd.png"), gan.resolve("nearest.png"),
                gan.resolve("result.json"), gan.resolve("extra-samples"));
    }
}
