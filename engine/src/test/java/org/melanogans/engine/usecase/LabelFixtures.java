package org.melanogans.engine.usecase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.melanogans.engine.experiment.LesionClass;

/** Labelled id sets for the use-case tests, built without any code under test. */
final class LabelFixtures {
    private LabelFixtures() {
    }

    /** ISIC 2017 Part 3 training set class counts: 1372 nevus, 254 seborrheic keratosis, 374 melanoma. */
    static Map<String, LesionClass> isic2017() {
        return labels(1372, 254, 374, 2017);
    }

    /** Ids ISIC_0000000, ISIC_0000001, ... in id order, the classes interleaved by {@code seed}. */
    static Map<String, LesionClass> labels(int nevus, int keratosis, int melanoma, long seed) {
        List<LesionClass> classes = new ArrayList<>();
        classes.addAll(Collections.nCopies(nevus, LesionClass.NEVUS));
        classes.addAll(Collections.nCopies(keratosis, LesionClass.SEBORRHEIC_KERATOSIS));
        classes.addAll(Collections.nCopies(melanoma, LesionClass.MELANOMA));
        Collections.shuffle(classes, new Random(seed));
        Map<String, LesionClass> labels = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            labels.put(String.format("ISIC_%07d", i), classes.get(i));
        }
        return labels;
    }

    static long count(Map<String, LesionClass> images, LesionClass c) {
        return images.values().stream().filter(v -> v == c).count();
    }
}
