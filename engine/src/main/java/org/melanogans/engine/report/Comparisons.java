package org.melanogans.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.experiment.Band;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ReportConfig;
import org.melanogans.engine.metrics.HistogramFloor;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.ModelStatus;
import org.melanogans.engine.results.Summary;
import org.melanogans.engine.results.UsecaseComparisons;
import org.melanogans.engine.results.UsecaseMetrics;
import org.melanogans.engine.report.Comparison.Verdict;

/** Every paper value of an experiment file set against the run's metrics.json. */
public final class Comparisons {
    private Comparisons() {
    }

    public static List<Comparison> of(Experiment experiment, MetricsFile metrics) {
        ReportConfig report = experiment.report();
        List<Comparison> out = new ArrayList<>();
        HistogramFloor floors = metrics.dataset() == null ? null : metrics.dataset().floor();
        report.paperModels().forEach((model, values) -> {
            ModelMetrics m = metrics.models().get(model);
            values.forEach((metric, paper) -> {
                Band band = report.bands().get(metric);
                Double floor = floors == null ? null : switch (metric) {
                    case "emd" -> floors.emdMean();
                    case "js_divergence" -> floors.jsDivergenceMean();
                    default -> null;
                };
                Double ceiling = m != null && metric.equals("emd") ? m.untrainedEmd() : null;
                if (m == null) {
                    out.add(new Comparison(Comparison.TABLE_1, model, metric, null, paper, floor, ceiling, band,
                            Verdict.NOT_RUN,
                            model + " has not been trained in this run", Comparison.Spread.NONE));
                } else if (m.status() != ModelStatus.COMPLETED) {
                    out.add(new Comparison(Comparison.TABLE_1, model, metric, null, paper, floor, ceiling, band,
                            Verdict.STAGE_FAILED,
                            m.error(), Comparison.Spread.NONE));
                } else {
                    out.add(judge(Comparison.TABLE_1, model, metric, modelValue(m, metric), paper, floor, ceiling,
                            band, spread(m, metric)));
                }
            });
        });
        UsecaseMetrics usecase = metrics.usecase();
        report.paperUsecase().forEach((set, values) -> values.forEach((figure, paper) -> {
            Band band = report.bands().get(figure);
            if (usecase == null) {
                out.add(new Comparison(Comparison.TABLE_2, set, figure, null, paper, null, null, band, Verdict.NOT_RUN,
                        "the use-case stage has not run in this run", Comparison.Spread.NONE));
            } else if (usecase.status() != ModelStatus.COMPLETED) {
                out.add(new Comparison(Comparison.TABLE_2, set, figure, null, paper, null, null, band,
                        Verdict.STAGE_FAILED,
                        usecase.error(), Comparison.Spread.NONE));
            } else {
                UsecaseMetrics.SetResult result = usecase.sets().get(set);
                Summary summary = result == null ? null : result.summary().get(figure);
                out.add(summary == null
                        ? new Comparison(Comparison.TABLE_2, set, figure, null, paper, null, null, band, Verdict.NOT_RUN,
                                "metrics.json has no " + figure + " for " + set, Comparison.Spread.NONE)
                        : paired(judge(Comparison.TABLE_2, set, figure, summary.mean(), paper, null, null, band,
                                spread(summary, usecase.settings().seeds(), result)),
                                UsecaseComparisons.describe(usecase.comparisons(), set, figure)));
            }
        }));
        return out;
    }

    /** A Table 2 comparison whose reason also says what the seeds show paired (null: nothing to add). */
    private static Comparison paired(Comparison c, String reading) {
        return reading == null ? c : new Comparison(c.stage(), c.subject(), c.metric(), c.ours(), c.paper(), c.floor(),
                c.ceiling(), c.band(), c.verdict(), c.reason() + "; paired over the seeds: " + reading, c.spread());
    }

    private static Double modelValue(ModelMetrics m, String metric) {
        return switch (metric) {
            case "emd" -> m.emd();
            case "js_divergence" -> m.jsDivergence();
            case "js_distance" -> m.jsDistance();
            default -> throw new IllegalArgumentException("no model metric " + metric);
        };
    }

    /** A model figure over its training seeds, and the time training, sampling and scoring took. */
    private static Comparison.Spread spread(ModelMetrics m, String metric) {
        JsonNode summary = m.summary() == null ? null : m.summary().get(metric);
        if (summary == null || m.seeds() == null) {
            return Comparison.Spread.NONE;
        }
        Map<String, Double> perSeed = new LinkedHashMap<>();
        for (int i = 0; i < m.seeds().size(); i++) {
            perSeed.put(String.valueOf(m.seeds().get(i).seed()), summary.get("values").get(i).asDouble());
        }
        double seconds = 0;
        for (var seed : m.seeds()) {
            var t = seed.training();
            seconds += nonNull(t.trainSeconds()) + nonNull(t.sampleSeconds()) + nonNull(t.scoreSeconds());
        }
        return new Comparison.Spread(summary.path("ci95").isNumber() ? summary.path("ci95").asDouble() : null, perSeed,
                seconds);
    }

    /** A use-case figure over the stage's seeds, and the time its classifiers trained. */
    private static Comparison.Spread spread(Summary summary, List<Long> seeds, UsecaseMetrics.SetResult result) {
        Map<String, Double> perSeed = new LinkedHashMap<>();
        for (int i = 0; i < summary.values().size() && seeds != null && i < seeds.size(); i++) {
            perSeed.put(String.valueOf(seeds.get(i)), summary.values().get(i));
        }
        return new Comparison.Spread(summary.ci95(), perSeed,
                result.runs().stream().mapToDouble(UsecaseMetrics.SeedRun::trainSeconds).sum());
    }

    private static double nonNull(Double seconds) {
        return seconds == null ? 0 : seconds;
    }

    private static Comparison judge(String stage, String subject, String metric, double ours, double paper,
                                    Double floor, Double ceiling, Band band, Comparison.Spread spread) {
        boolean inside = band.contains(ours, paper);
        String reason = "ours " + ours(ours, spread) + ", paper " + digits(paper) + ": " + (inside ? "inside" : "outside")
                + " the band " + band.text() + " (" + digits(band.low(paper)) + " to " + digits(band.high(paper)) + ")";
        return new Comparison(stage, subject, metric, ours, paper, floor, ceiling, band,
                inside ? Verdict.REPRODUCED : Verdict.OUTSIDE_BAND, reason, spread);
    }

    /** "0.0201 ± 0.0035 (3 seeds)", or the value alone for one seed. */
    static String ours(double mean, Comparison.Spread spread) {
        return spread.ci95() == null ? digits(mean)
                : digits(mean) + " ± " + digits(spread.ci95()) + " (" + spread.perSeed().size() + " seeds)";
    }

    /** Four significant digits, no trailing zeros. */
    static String digits(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** How many comparisons of each verdict, for the log. */
    public static Map<Verdict, Long> count(List<Comparison> comparisons) {
        Map<Verdict, Long> counts = new java.util.EnumMap<>(Verdict.class);
        comparisons.forEach(c -> counts.merge(c.verdict(), 1L, Long::sum));
        return counts;
    }
}
