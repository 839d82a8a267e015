package org.melanogans.engine.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report compares our figures with: the paper's values, written in the experiment file
 * (never in code), and the band inside which ours counts as reproducing each.
 *
 * @param bands        per metric name (e.g. {@code emd}, {@code validation_accuracy}); the
 *                     defaults ({@link Defaults#BANDS}) with the file's entries over them
 * @param paperModels  model name -> metric -> the paper's value (Table 1)
 * @param paperUsecase use-case set ({@code b-full}, {@code b-imb}, {@code b-imb+<gan>}) -> figure ->
 *                     the paper's value (Table 2)
 */
public record ReportConfig(Map<String, Band> bands, Map<String, Map<String, Double>> paperModels,
                           Map<String, Map<String, Double>> paperUsecase) {
    public ReportConfig {
        bands = copy(bands);
        paperModels = nested(paperModels);
        paperUsecase = nested(paperUsecase);
    }

    /** No paper values: the report shows our figures alone. */
    public static ReportConfig none() {
        return new ReportConfig(Defaults.BANDS, Map.of(), Map.of());
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static Map<String, Map<String, Double>> nested(Map<String, Map<String, Double>> map) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, copy(v)));
        return Collections.unmodifiableMap(out);
    }
}
