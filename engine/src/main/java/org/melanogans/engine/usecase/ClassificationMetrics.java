package org.melanogans.engine.usecase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.melanogans.engine.experiment.LesionClass;

/**
 * How well the use-case classifier tells the three diagnoses apart on one image set. Accuracy is
 * the paper's figure; on ISIC 2017 a classifier that always says nevus already scores the nevus
 * rate (0.686), so balanced accuracy, per-class recall, melanoma AUC and the confusion matrix come
 * with it.
 *
 * @param accuracy         images predicted as their true class, over all images
 * @param balancedAccuracy mean of {@code recall} over the classes it holds
 * @param recall           per class present among the true labels: its images predicted as it,
 *                         over its images ({@link LesionClass} order)
 * @param melanomaAuc      ROC AUC of the melanoma probability, melanoma against the other two
 *                         classes; null when the set lacks melanoma or holds nothing else
 * @param confusion        true class against predicted class
 */
public record ClassificationMetrics(double accuracy, double balancedAccuracy, Map<LesionClass, Double> recall,
                                    Double melanomaAuc, ConfusionMatrix confusion) {
    public ClassificationMetrics {
        EnumMap<LesionClass, Double> copy = new EnumMap<>(LesionClass.class);
        copy.putAll(recall);
        recall = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(confusion, "confusion");
    }

    /**
     * Scores {@code probabilities[i]}, one value per class in {@link LesionClass} order (nevus,
     * seborrheic keratosis, melanoma), against {@code truth[i]}. The predicted class is the most
     * probable one, the first in that order on a tie.
     */
    public static ClassificationMetrics of(List<LesionClass> truth, double[][] probabilities) {
        if (truth.isEmpty() || truth.size() != probabilities.length) {
            throw new IllegalArgumentException(truth.size() + " true classes for " + probabilities.length
                    + " predictions; need as many, at least one");
        }
        List<LesionClass> predicted = new ArrayList<>(truth.size());
        List<Double> melanoma = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            double[] p = probabilities[i];
            predicted.add(mostProbable(i, p));
            double score = p[LesionClass.MELANOMA.ordinal()];
            (truth.get(i) == LesionClass.MELANOMA ? melanoma : others).add(score);
        }
        ConfusionMatrix confusion = ConfusionMatrix.of(truth, predicted);
        Map<LesionClass, Double> recall = new EnumMap<>(LesionClass.class);
        for (LesionClass c : LesionClass.values()) {
            if (confusion.actual(c) > 0) {
                recall.put(c, (double) confusion.count(c, c) / confusion.actual(c));
            }
        }
        double balanced = recall.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Double auc = melanoma.isEmpty() || others.isEmpty() ? null : RocAuc.of(
                melanoma.stream().mapToDouble(Double::doubleValue).toArray(),
                others.stream().mapToDouble(Double::doubleValue).toArray());
        return new ClassificationMetrics((double) confusion.correct() / confusion.total(), balanced, recall, auc,
                confusion);
    }

    private static LesionClass mostProbable(int row, double[] p) {
        LesionClass[] classes = LesionClass.values();
        if (p.length != classes.length) {
            throw new IllegalArgumentException("prediction " + row + " has " + p.length + " values, expected "
                    + classes.length);
        }
        int best = 0;
        for (int c = 0; c < p.length; c++) {
            if (!Double.isFinite(p[c])) {
                throw new IllegalArgumentException("prediction " + row + " holds " + p[c]);
            }
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return classes[best];
    }
}
