package org.melanogans.engine.usecase;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.experiment.ClassifierOptimizer;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.data.DatasetLoader;
import org.melanogans.engine.data.ImageSet;
import org.melanogans.engine.experiment.CropMode;
import org.melanogans.engine.experiment.DataConfig;
import org.melanogans.engine.experiment.DataFormat;
import org.melanogans.engine.experiment.GeneratedConfig;
import org.melanogans.engine.experiment.LesionClass;

/**
 * ResNet-18 trained briefly on the procedural 3-class lesions (ISIC class proportions, 32 px)
 * classifies held-out ones well above chance, and far better than the same network untrained.
 */
class ClassifierLearnsGeneratedLesionsTest {
    @Test
    void resnet18BeatsChanceOnHeldOutGeneratedLesions(@TempDir Path cache) {
        DataConfig config = new DataConfig(DataFormat.GENERATED, null, "ISIC-2017_Training_Data",
                "ISIC-2017_Training_Part3_GroundTruth.csv", EnumSet.allOf(LesionClass.class), 32, CropMode.CENTER, 0,
                new GeneratedConfig(600, 64, true, 7));
        ImageSet data = DatasetLoader.load(config, cache, EngineLog.STDOUT);
        Map<String, LesionClass> labels = new LinkedHashMap<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < data.count(); i++) {
            labels.put(data.ids().get(i), data.labels().get(i));
            index.put(data.ids().get(i), i);
        }
        StratifiedSplit split = StratifiedSplit.of(labels, 0.6, 1);
        int[] train = split.training().keySet().stream().mapToInt(index::get).toArray();
        List<LesionClass> trainLabels = new ArrayList<>(split.training().values());
        int[] validation = split.validation().keySet().stream().mapToInt(index::get).toArray();
        List<LesionClass> truth = new ArrayList<>(split.validation().values());

        try (ClassifierGraph graph = new ClassifierGraph(18, 3, 32, 16, ClassifierOptimizer.ADAM, 1e-3f, 5, 2, 2)) {
            ClassificationMetrics untrained = ClassificationMetrics.of(truth,
                    ClassifierTrainer.predict(graph, data, validation));
            double[] losses = ClassifierTrainer.train(graph, data, train, trainLabels, 6, 5);
            ClassificationMetrics trained = ClassificationMetrics.of(truth,
                    ClassifierTrainer.predict(graph, data, validation));
            System.out.printf("ResNet-18 on %d generated lesions: losses %s; validation accuracy %.3f (untrained %.3f),"
                    + " balanced %.3f (untrained %.3f), melanoma AUC %s%n", train.length,
                    java.util.Arrays.toString(losses), trained.accuracy(), untrained.accuracy(),
                    trained.balancedAccuracy(), untrained.balancedAccuracy(), trained.melanomaAuc());
            assertTrue(losses[losses.length - 1] < losses[0], "training loss falls");
            assertTrue(trained.balancedAccuracy() >= 0.6, "balanced accuracy " + trained.balancedAccuracy()
                    + " is not well above chance (1/3)");
            assertTrue(trained.balancedAccuracy() >= untrained.balancedAccuracy() + 0.2,
                    "trained " + trained.balancedAccuracy() + " vs untrained " + untrained.balancedAccuracy());
        }
    }
}
