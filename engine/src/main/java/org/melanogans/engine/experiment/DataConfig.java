package org.melanogans.engine.experiment;

import java.nio.file.Path;
import java.util.Set;

/**
 * Where the training images come from and how they are prepared.
 *
 * @param format     layout on disk
 * @param path       ISIC2017: the folder holding {@code images} and {@code labels};
 *                   FOLDER: the images folder; GENERATED: ignored (null), the generator writes
 *                   into the cache directory. Absolute once resolved.
 * @param images     ISIC2017: images folder name relative to {@code path}
 * @param labels     ISIC2017: ground-truth CSV name relative to {@code path}
 * @param classes    which classes to keep (ISIC2017, GENERATED); never empty
 * @param resolution side of the square training images, a power of two from 16 to 512
 * @param crop       center crop (paper) or squash
 * @param limit      keep at most this many images after the class filter, 0 = all
 *                   (the first ones in image-id order)
 * @param generated  settings of the procedural generator (used when format is GENERATED)
 */
public record DataConfig(DataFormat format, Path path, String images, String labels,
                         Set<LesionClass> classes, int resolution, CropMode crop, int limit,
                         GeneratedConfig generated) {
    public DataConfig {
        classes = Set.copyOf(classes);
    }
}
