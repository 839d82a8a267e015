package org.melanogans.engine.usecase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.melanogans.engine.experiment.LesionClass;

/**
 * How many images of each true class the classifier gave each class: the full picture behind
 * accuracy and recall (which class the errors go to). Rows are true classes, columns predicted
 * classes, both in {@link LesionClass} order; serialized as a 3 x 3 array of counts.
 */
public record ConfusionMatrix(List<List<Integer>> counts) {
    private static final int CLASSES = LesionClass.values().length;

    public ConfusionMatrix {
        if (counts.size() != CLASSES || counts.stream().anyMatch(row -> row.size() != CLASSES)) {
            throw new IllegalArgumentException("a confusion matrix is " + CLASSES + " x " + CLASSES + ", got " + counts);
        }
        counts = counts.stream().map(List::copyOf).toList();
    }

    /** Tallies {@code truth[i]} against {@code predicted[i]}. */
    public static ConfusionMatrix of(List<LesionClass> truth, List<LesionClass> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true classes for " + predicted.size() + " predictions");
        }
        int[][] tally = new int[CLASSES][CLASSES];
        for (int i = 0; i < truth.size(); i++) {
            tally[truth.get(i).ordinal()][predicted.get(i).ordinal()]++;
        }
        List<List<Integer>> counts = new ArrayList<>();
        for (int[] row : tally) {
            counts.add(Arrays.stream(row).boxed().toList());
        }
        return new ConfusionMatrix(counts);
    }

    /** Images of class {@code truth} predicted as {@code predicted}. */
    public int count(LesionClass truth, LesionClass predicted) {
        return counts.get(truth.ordinal()).get(predicted.ordinal());
    }

    /** Images whose true class is {@code c} (a row sum). */
    public int actual(LesionClass c) {
        return counts.get(c.ordinal()).stream().mapToInt(Integer::intValue).sum();
    }

    /** Images predicted as their true class (the diagonal). */
    public int correct() {
        int correct = 0;
        for (LesionClass c : LesionClass.values()) {
            correct += count(c, c);
        }
        return correct;
    }

    public int total() {
        return counts.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
    }
}
