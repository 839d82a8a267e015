package org.melanogans.engine.results;

import static org.melanogans.engine.results.UsecaseMetrics.FULL;
import static org.melanogans.engine.results.UsecaseMetrics.IMBALANCED;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.melanogans.engine.results.UsecaseMetrics.SeedRun;
import org.melanogans.engine.results.UsecaseMetrics.SetResult;

/**
 * Table 2's questions as paired differences over the stage's seeds: what cutting the melanoma cost
 * (B_Full - B_Imb), what each GAN's melanoma bought back (restored - B_Imb) and how far the restored
 * set stays from the full one (restored - B_Full), with a verdict per GAN and figure.
 */
public final class UsecaseComparisons {
    /** The validation figures compared (of {@link UsecaseMetrics#FIGURES}), all "higher is better". */
    public static final List<String> FIGURES = List.of("validation_accuracy", "validation_balanced_accuracy",
            "validation_melanoma_recall", "validation_melanoma_auc");

    private UsecaseComparisons() {
    }

    /** What a GAN's melanoma did to a figure, judged on the 95% intervals of the paired differences. */
    public enum Verdict {
        /** Above B_Imb, and not below B_Full. */
        @JsonProperty("restores")
        RESTORES,
        /** Above B_Imb, still below B_Full. */
        @JsonProperty("partly")
        PARTLY,
        /** Below B_Full and not above B_Imb, or below B_Imb. */
        @JsonProperty("does-not")
        DOES_NOT,
        /** Neither above B_Imb nor below B_Full: the seeds cannot tell (always so with one seed). */
        @JsonProperty("cannot-tell")
        CANNOT_TELL
    }

    /**
     * The stage's comparisons.
     *
     * @param loss     B_Full - B_Imb per figure: what cutting the melanoma cost
     * @param gains    per restored set and figure, itself - B_Imb: what its GAN's melanoma bought back
     * @param gaps     per restored set and figure, itself - B_Full: what is still missing
     * @param verdicts per restored set and figure, the verdict of its gain and gap
     */
    public record Comparisons(Map<String, PairedDifference> loss, Map<String, Map<String, PairedDifference>> gains,
                              Map<String, Map<String, PairedDifference>> gaps,
                              Map<String, Map<String, Verdict>> verdicts) {
    }

    /** The comparisons of the sets (empty maps without both B_Full and B_Imb). */
    static Comparisons of(Map<String, SetResult> sets) {
        Map<String, PairedDifference> loss = new LinkedHashMap<>();
        Map<String, Map<String, PairedDifference>> gains = new LinkedHashMap<>();
        Map<String, Map<String, PairedDifference>> gaps = new LinkedHashMap<>();
        Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
        if (sets.containsKey(FULL) && sets.containsKey(IMBALANCED)) {
            loss.putAll(between(FULL, IMBALANCED, sets));
            for (String set : sets.keySet()) {
                if (set.equals(FULL) || set.equals(IMBALANCED)) {
                    continue;
                }
                Map<String, PairedDifference> gain = between(set, IMBALANCED, sets);
                Map<String, PairedDifference> gap = between(set, FULL, sets);
                gains.put(set, gain);
                gaps.put(set, gap);
                Map<String, Verdict> v = new LinkedHashMap<>();
                gain.forEach((figure, g) -> {
                    if (gap.containsKey(figure)) {
                        v.put(figure, verdict(g, gap.get(figure)));
                    }
                });
                verdicts.put(set, v);
            }
        }
        return new Comparisons(loss, gains, gaps, verdicts);
    }

    private static Map<String, PairedDifference> between(String a, String b, Map<String, SetResult> sets) {
        List<SeedRun> as = sets.get(a).runs();
        List<SeedRun> bs = sets.get(b).runs();
        List<Long> seeds = as.stream().map(SeedRun::seed).toList();
        Map<String, PairedDifference> out = new LinkedHashMap<>();
        if (!seeds.equals(bs.stream().map(SeedRun::seed).toList())) {
            return out;
        }
        for (String name : FIGURES) {
            List<Double> differences = differences(UsecaseMetrics.FIGURES.get(name), as, bs);
            if (differences != null) {
                out.put(name, PairedDifference.of(a, b, name, seeds, differences));
            }
        }
        return out;
    }

    /** Seed by seed, a's figure minus b's; null when a seed of either has none. */
    private static List<Double> differences(Function<SeedRun, Double> figure, List<SeedRun> as, List<SeedRun> bs) {
        List<Double> differences = new ArrayList<>();
        for (int k = 0; k < as.size(); k++) {
            Double x = figure.apply(as.get(k));
            Double y = figure.apply(bs.get(k));
            if (x == null || y == null) {
                return null;
            }
            differences.add(x - y);
        }
        return differences;
    }

    /**
     * The paired reading of one set's figure, for the report: for B_Imb what the cut cost, for a
     * restored set its gain, its gap and the verdict; null for B_Full or when not compared.
     */
    public static String describe(Comparisons c, String set, String figure) {
        if (c == null || c.loss() == null) {
            return null;
        }
        if (set.equals(IMBALANCED)) {
            PairedDifference loss = c.loss().get(figure);
            return loss == null ? null : "B_Full - B_Imb " + text(loss);
        }
        PairedDifference gain = c.gains().getOrDefault(set, Map.of()).get(figure);
        PairedDifference gap = c.gaps().getOrDefault(set, Map.of()).get(figure);
        if (gain == null || gap == null) {
            return null;
        }
        return "against B_Imb " + text(gain) + ", against B_Full " + text(gap) + ": "
                + c.verdicts().get(set).get(figure).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** "+0.120 [+0.063, +0.177]" (the interval only with two seeds or more). */
    static String text(PairedDifference d) {
        String mean = String.format(java.util.Locale.ROOT, "%+.3f", d.meanDifference());
        return d.ci95() == null ? mean : mean + String.format(java.util.Locale.ROOT, " [%+.3f, %+.3f]", d.low(),
                d.high());
    }

    static Verdict verdict(PairedDifference gain, PairedDifference gap) {
        if (gain.above()) {
            return gap.below() ? Verdict.PARTLY : Verdict.RESTORES;
        }
        if (gain.below() || gap.below()) {
            return Verdict.DOES_NOT;
        }
        return Verdict.CANNOT_TELL;
    }
}
