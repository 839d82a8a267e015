package org.melanogans.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.Json;
import org.melanogans.engine.metrics.ChannelMetrics;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.metrics.PerChannel;

/** Figures over training seeds and paired comparisons, against values worked out by hand. */
class SeedSummaryTest {
    private static SeedFigures seed(long seed, double emd, double swd64) {
        ChannelMetrics c = new ChannelMetrics(emd, emd / 2, 0.1, 0.2);
        Map<String, Double> levels = new LinkedHashMap<>();
        levels.put("64", swd64);
        levels.put("32", 0.0);
        ModelMetrics.Structure structure = new ModelMetrics.Structure(swd64 / 2, levels, 2000,
                0.3, 0.28, 1000, 0.1, 0.09, 0.0);
        return new SeedFigures(seed, ModelMetrics.Histogram.of(new HistogramMetrics(emd, emd / 2, 0.1, 0.2,
                new PerChannel(c, c, c))), structure, 0.15, 250.0, ModelMetrics.Networks.of(1000, 2000),
                ModelMetrics.Training.of(40, 15, 3750, 600, 4, 12), 2000);
    }

    @Test
    void theHeadlineIsTheMeanAndEachFigureHasItsInterval() {
        ModelMetrics m = ModelMetrics.ofSeeds(List.of(seed(1, 0.01, 10), seed(2, 0.02, 20), seed(3, 0.03, 60)));
        assertEquals(0.02, m.emd(), 1e-15);
        assertEquals(30.0, m.structure().swdLevels().get("64"), 1e-12);
        assertEquals(15, m.training().epochs(), "settings stay as they are");
        assertEquals(3750L, m.training().steps());
        assertEquals(1000L, m.networks().parameters());
        assertEquals(List.of(1L, 2L, 3L), m.trainingSeeds());
        JsonNode emd = m.summary().get("emd");
        // deviations -0.01, 0, 0.01: s = sqrt(2e-4 / 2) = 0.01; ci95 = t(0.975, 2) s / sqrt 3 = 4.302653 x 0.01 / sqrt 3
        assertEquals(0.02, emd.get("mean").asDouble(), 1e-15);
        assertEquals(0.01, emd.get("sd").asDouble(), 1e-15);
        assertEquals(4.302653 * 0.01 / Math.sqrt(3), emd.get("ci95").asDouble(), 1e-15);
        assertEquals(0.02 - 4.302653 * 0.01 / Math.sqrt(3), emd.get("low").asDouble(), 1e-15);
        assertEquals(List.of(0.01, 0.02, 0.03), values(emd));
        // swd_levels.64: 10, 20, 60: mean 30, deviations -20, -10, 30, s = sqrt(1400 / 2)
        JsonNode level = m.summary().get("swd_levels").get("64");
        assertEquals(Math.sqrt(700), level.get("sd").asDouble(), 1e-12);
        assertEquals(0.01, m.summary().get("per_channel").get("g").get("emd").get("values").get(0).asDouble());
        for (String setting : List.of("seed", "epochs", "steps", "samples", "parameters", "swd_images")) {
            assertFalse(m.summary().has(setting), setting + " is a setting, not a figure");
        }
        assertEquals(m, Json.LENIENT.convertValue(Json.tree(m), ModelMetrics.class), "round trip");
    }

    @Test
    void oneSeedIsItsOwnFiguresWithNoInterval() {
        SeedFigures only = seed(42, 0.0123, 7);
        ModelMetrics m = ModelMetrics.ofSeeds(List.of(only));
        assertEquals(0.0123, m.emd());
        assertEquals(only.histogram(), m.histogram());
        assertTrue(m.summary().get("emd").get("ci95").isNull());
    }

    @Test
    void pairedDifferencesAreTakenSeedBySeed() {
        MetricsFile file = MetricsFile.start("t", "run-0001", null, null)
                .withModel("a", ModelMetrics.ofSeeds(List.of(seed(1, 0.010, 10), seed(2, 0.030, 20), seed(3, 0.020, 30))))
                .withModel("b", ModelMetrics.ofSeeds(List.of(seed(1, 0.015, 12), seed(2, 0.034, 20), seed(3, 0.026, 31))))
                .withModel("c", ModelMetrics.ofSeeds(List.of(seed(4, 0.01, 1), seed(5, 0.01, 1), seed(6, 0.01, 1))));
        PairedDifference emd = file.comparisons().stream()
                .filter(d -> d.a().equals("a") && d.b().equals("b") && d.metric().equals("emd")).findFirst().orElseThrow();
        // differences -0.005, -0.004, -0.006: mean -0.005, s = 0.001; unpaired, the spread of each
        // model (0.01) would hide the difference
        assertEquals(-0.005, emd.meanDifference(), 1e-15);
        assertEquals(0.001, emd.sd(), 1e-15);
        assertEquals(4.302653 * 0.001 / Math.sqrt(3), emd.ci95(), 1e-15);
        assertTrue(emd.high() < 0, "a is lower than b on every seed: the interval excludes 0");
        assertEquals(List.of(1L, 2L, 3L), emd.seeds());
        List<String> metrics = new ArrayList<>();
        file.comparisons().stream().filter(d -> d.a().equals("a")).forEach(d -> metrics.add(d.b() + ":" + d.metric()));
        assertEquals(List.of("b:emd", "b:js_divergence", "b:js_distance", "b:swd", "b:swd_levels.64", "b:swd_levels.32",
                "b:ms_ssim", "b:nn_distance_median", "b:copies"), metrics, "c trained on other seeds: not paired");
        PairedDifference level = file.comparisons().stream()
                .filter(d -> d.metric().equals("swd_levels.64")).findFirst().orElseThrow();
        assertEquals(-1.0, level.meanDifference(), 1e-12);   // -2, 0, -1
        assertNull(MetricsFile.start("t", "r", null, null).withModel("a", ModelMetrics.ofSeeds(List.of(seed(1, 0.1, 1))))
                .withModel("b", ModelMetrics.ofSeeds(List.of(seed(1, 0.2, 1)))).comparisons().get(0).ci95(),
                "one seed: a difference, no interval");
    }

    private static List<Double> values(JsonNode summary) {
        List<Double> out = new ArrayList<>();
        summary.get("values").forEach(v -> out.add(v.asDouble()));
        return out;
    }
}
