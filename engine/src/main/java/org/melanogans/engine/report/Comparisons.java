package org.melanogans.engine.report;

import java.util.ArrayList;
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
                            model + " has not been trained in this run"));
                } else if (m.status() != ModelStatus.COMPLETED) {
                    out.add(new Comparison(Comparison.TABLE_1, model, metric, null, paper, floor, ceiling, band,
                            Verdict.STAGE_FAILED,
                            m.error()));
                } else {
                    out.add(judge(Comparison.TABLE_1, model, metric, modelValue(m, metric), paper, floor, ceiling,
                            band));
                }
            });
        });
        UsecaseMetrics usecase = metrics.usecase();
        report.paperUsecase().forEach((set, values) -> values.forEach((figure, paper) -> {
            Band band = report.bands().get(figure);
            if (usecase == null) {
                out.add(new Comparison(Comparison.TABLE_2, set, figure, null, paper, null, null, band, Verdict.NOT_RUN,
                        "the use-case stage has not run in this run"));
            } else if (usecase.status() != ModelStatus.COMPLETED) {
                out.add(new Comparison(Comparison.TABLE_2, set, figure, null, paper, null, null, band,
                        Verdict.STAGE_FAILED,
                        usecase.error()));
            } else {
                UsecaseMetrics.SetResult result = usecase.sets().get(set);
                Summary summary = result == null ? null : result.summary().get(figure);
                out.add(summary == null
                        ? new Comparison(Comparison.TABLE_2, set, figure, null, paper, null, null, band, Verdict.NOT_RUN,
                                "metrics.json has no " + figure + " for " + set)
                        : judge(Comparison.TABLE_2, set, figure, summary.mean(), paper, null, null, band));
            }
        }));
        return out;
    }

    private static Double modelValue(ModelMetrics m, String metric) {
        return switch (metric) {
            case "emd" -> m.emd();
            case "js_divergence" -> m.jsDivergence();
            case "js_distance" -> m.jsDistance();
            default -> throw new IllegalArgumentException("no model metric " + metric);
        };
    }

    private static Comparison judge(String stage, String subject, String metric, double ours, double paper,
                                    Double floor, Double ceiling, Band band) {
        boolean inside = band.contains(ours, paper);
        String reason = "ours " + digits(ours) + ", paper " + digits(paper) + ": " + (inside ? "inside" : "outside")
                + " the band " + band.text() + " (" + digits(band.low(paper)) + " to " + digits(band.high(paper)) + ")";
        return new Comparison(stage, subject, metric, ours, paper, floor, ceiling, band,
                inside ? Verdict.REPRODUCED : Verdict.OUTSIDE_BAND, reason);
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
