package org.melanogans.engine.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Outcome of a {@link RegressionCheck}: one row per baseline metric, in baseline order.
 *
 * @param experiment the experiment checked
 * @param rows       the verdict on every guarded metric
 */
public record CheckResult(String experiment, List<CheckRow> rows) {
    public CheckResult {
        rows = List.copyOf(rows);
    }

    /** True when any metric regressed or is missing: the build should fail. */
    public boolean failed() {
        return rows.stream().anyMatch(r -> r.status().fails());
    }

    /** Rows that fail the check. */
    public List<CheckRow> failures() {
        return rows.stream().filter(r -> r.status().fails()).toList();
    }

    /**
     * One line for the build log, e.g. {@code "2 of 5 metrics regressed: models.dcgan.emd 0.031 > 0.018
     * (baseline 0.012 +50%), ..."}; on success it says so and lists improvements.
     */
    public String summary() {
        List<CheckRow> failures = failures();
        List<CheckRow> improved = rows.stream().filter(r -> r.status() == CheckStatus.IMPROVED).toList();
        String total = rows.size() + (rows.size() == 1 ? " metric" : " metrics");
        if (!failures.isEmpty()) {
            return failures.size() + " of " + total + " regressed: " + describe(failures)
                    + "; fix the regression, or refresh the baseline if the change is intended";
        }
        long notGated = rows.stream().filter(r -> r.status() == CheckStatus.NOT_GATED).count();
        String line = "all " + (rows.size() - notGated) + " gated metrics of " + experiment + " within tolerance"
                + (notGated == 0 ? "" : " (" + notGated + " timing figure(s) reported, not gated)");
        if (!improved.isEmpty()) {
            line += "; " + improved.size() + " improved: " + describe(improved) + " (consider refreshing the baseline)";
        }
        return line;
    }

    private static String describe(List<CheckRow> rows) {
        return rows.stream().map(CheckRow::describe).collect(Collectors.joining(", "));
    }

    /** An aligned text table: metric, baseline, current, allowed, delta, rule, status. */
    public String table() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"metric", "baseline", "current", "allowed", "delta", "rule", "status"});
        for (CheckRow r : rows) {
            lines.add(new String[] {
                r.key(),
                Figures.text(r.baseline().value()),
                r.current() == null ? "-" : Figures.text(r.current()),
                r.allowed(),
                r.delta() == null ? "-" : (r.delta() >= 0 ? "+" : "") + Figures.text(r.delta()),
                r.rule(),
                r.status() + (r.reason() == null ? "" : " (" + r.reason() + ")")});
        }
        int[] widths = new int[7];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                // Text left-aligned, numbers right-aligned so their digits line up.
                boolean numeric = i >= 1 && i <= 4 && i != 3;
                String cell = numeric ? pad(line[i], widths[i], true) : pad(line[i], widths[i], false);
                row.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(row.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
