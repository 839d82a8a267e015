package org.melanogans.engine.launch;

import java.nio.file.Path;

/**
 * Where the engine process's TensorFlow natives come from: the build tool's own resolver (the
 * plugin resolves {@code org.tensorflow:tensorflow-core-native:<version>:<classifier>} into the
 * local repository), so the engine never downloads anything itself.
 */
@FunctionalInterface
public interface NativesSource {
    /**
     * The natives jar of {@code classifier} ({@link org.melanogans.engine.tf.Natives#PUBLISHED}).
     *
     * @throws org.melanogans.engine.UserException when it cannot be resolved, in one line
     */
    Path jar(String classifier);
}
