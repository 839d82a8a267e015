package org.melanogans.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.melanogans.engine.results.UsecaseComparisons.Verdict;
import org.melanogans.engine.results.UsecaseMetrics.Scores;
import org.melanogans.engine.results.UsecaseMetrics.SeedRun;
import org.melanogans.engine.results.UsecaseMetrics.SetResult;

/** Table 2's paired differences and verdicts against figures worked out by hand. */
class UsecaseComparisonsTest {
    private static final double T_975_2 = 4.302652729911275;

    private static SetResult set(double... melanomaRecall) {
        List<SeedRun> runs = new ArrayList<>();
        for (int k = 0; k < melanomaRecall.length; k++) {
            Scores validation = new Scores(100, 0.7, 0.5, Map.of("melanoma", melanomaRecall[k]), 0.7, Map.of());
            runs.add(new SeedRun(k + 1, Map.of(), 0, validation, validation, 1, null));
        }
        return new SetResult("set", Map.of(), runs);
    }


    @Test
    void lossGainAndGapArePairedOverTheSeeds() {
        Map<String, SetResult> sets = new LinkedHashMap<>();
        sets.put("b-full", set(0.5, 0.6, 0.7));
        sets.put("b-imb", set(0.1, 0.2, 0.2));
        sets.put("b-imb+gan", set(0.4, 0.5, 0.6));
        sets.put("b-imb+flat", set(0.1, 0.3, 0.2));
        UsecaseComparisons.Comparisons all = UsecaseComparisons.of(sets);
        // B_Full - B_Imb: 0.4, 0.4, 0.5; mean 0.4333, sd 0.057735, half-width t(0.975, 2) sd / sqrt(3)
        PairedDifference loss = all.loss().get("validation_melanoma_recall");
        assertEquals("b-full", loss.a());
        assertEquals("b-imb", loss.b());
        double sd = Math.sqrt((2 * Math.pow(0.4 - 1.3 / 3, 2) + Math.pow(0.5 - 1.3 / 3, 2)) / 2);
        assertEquals(1.3 / 3, loss.meanDifference(), 1e-12);
        assertEquals(sd, loss.sd(), 1e-12);
        assertEquals(T_975_2 * sd / Math.sqrt(3), loss.ci95(), 1e-7);
        assertEquals(List.of(1L, 2L, 3L), loss.seeds());
        // the GAN: +0.3, +0.3, +0.4 over B_Imb (above zero), -0.1 on every seed against B_Full (below)
        assertEquals(1.0 / 3, all.gains().get("b-imb+gan").get("validation_melanoma_recall").meanDifference(), 1e-12);
        PairedDifference gap = all.gaps().get("b-imb+gan").get("validation_melanoma_recall");
        assertEquals(-0.1, gap.meanDifference(), 1e-12);
        assertEquals(0, gap.ci95(), 1e-12);
        assertEquals(List.of("validation_accuracy", "validation_balanced_accuracy", "validation_melanoma_recall",
                "validation_melanoma_auc"), List.copyOf(all.loss().keySet()));
        assertEquals(List.of("b-imb+gan", "b-imb+flat"), List.copyOf(all.gains().keySet()));
        Map<String, Map<String, Verdict>> verdicts = all.verdicts();
        assertEquals(Verdict.PARTLY, verdicts.get("b-imb+gan").get("validation_melanoma_recall"));
        // flat: 0, +0.1, 0 over B_Imb (interval holds 0); -0.4, -0.3, -0.5 against B_Full (below)
        assertEquals(Verdict.DOES_NOT, verdicts.get("b-imb+flat").get("validation_melanoma_recall"));
        // every seed has the same accuracy: differences of exactly 0, no side
        assertEquals(Verdict.CANNOT_TELL, verdicts.get("b-imb+gan").get("validation_accuracy"));
        // what the report says beside the paper's figure
        double half = T_975_2 * sd / Math.sqrt(3);
        assertEquals(String.format(java.util.Locale.ROOT, "B_Full - B_Imb +0.433 [%+.3f, %+.3f]", 1.3 / 3 - half,
                1.3 / 3 + half), UsecaseComparisons.describe(all, "b-imb", "validation_melanoma_recall"));
        assertEquals(String.format(java.util.Locale.ROOT, "against B_Imb +0.333 [%+.3f, %+.3f], against B_Full"
                + " -0.100 [-0.100, -0.100]: partly", 1.0 / 3 - half, 1.0 / 3 + half),
                UsecaseComparisons.describe(all, "b-imb+gan", "validation_melanoma_recall"));
        assertNull(UsecaseComparisons.describe(all, "b-full", "validation_melanoma_recall"));
    }

    @Test
    void verdictsFollowTheIntervals() {
        PairedDifference above = new PairedDifference("g", "b-imb", "m", List.of(1L, 2L), 0.2, 0.01, 0.1, 0.1, 0.3, null);
        PairedDifference across = new PairedDifference("g", "b-full", "m", List.of(1L, 2L), 0, 0.01, 0.1, -0.1, 0.1, null);
        PairedDifference below = new PairedDifference("g", "b-full", "m", List.of(1L, 2L), -0.2, 0.01, 0.1, -0.3, -0.1, null);
        PairedDifference oneSeed = new PairedDifference("g", "b-imb", "m", List.of(1L), 0.5, null, null, null, null, null);
        assertEquals(Verdict.RESTORES, UsecaseComparisons.verdict(above, across));
        assertEquals(Verdict.PARTLY, UsecaseComparisons.verdict(above, below));
        assertEquals(Verdict.DOES_NOT, UsecaseComparisons.verdict(across, below));
        assertEquals(Verdict.CANNOT_TELL, UsecaseComparisons.verdict(across, across));
        assertEquals(Verdict.CANNOT_TELL, UsecaseComparisons.verdict(oneSeed, oneSeed));
    }

    @Test
    void aFailedStageHasNoComparisons() {
        UsecaseMetrics failed = UsecaseMetrics.failed(new UsecaseMetrics.Settings("paper", true, "resnet-18", "none",
                "adam", 48, 10, List.of(1L), 0.6, 46, 1000, "plain"), "stopped");
        assertNull(failed.comparisons());
    }
}
