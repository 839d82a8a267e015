package org.melanogans.engine.check;

/**
 * One line of a {@link CheckResult}.
 *
 * @param key      dotted path into metrics.json
 * @param baseline the baseline entry (value and rule)
 * @param current  value in the checked metrics.json, or null when missing
 * @param delta    current - baseline value, or null when missing
 * @param status   the verdict
 * @param reason   why it is missing (e.g. "model failed: out of memory"), otherwise null
 */
public record CheckRow(String key, BaselineEntry baseline, Double current, Double delta, CheckStatus status,
                       String reason) {

    /** The allowed range as text: "<= 0.018", ">= 20", "0.9 .. 1.1". */
    public String allowed() {
        return switch (baseline.direction()) {
            case LOWER_IS_BETTER -> "<= " + Figures.text(baseline.upperBound());
            case HIGHER_IS_BETTER -> ">= " + Figures.text(baseline.lowerBound());
            case BOTH -> Figures.text(baseline.lowerBound()) + " .. " + Figures.text(baseline.upperBound());
        };
    }

    /** One phrase for the summary line, e.g. "models.dcgan.emd 0.031 > 0.018 (baseline 0.012 +50%)". */
    public String describe() {
        if (status == CheckStatus.MISSING) {
            return key + " missing (" + reason + ")";
        }
        // Name the bound that was crossed: the regression bound, or for an improvement the
        // bound on the good side.
        boolean above = current > baseline.value();
        double bound = above ? baseline.value() + baseline.allowance() : baseline.value() - baseline.allowance();
        String relation = status == CheckStatus.OK ? " within tolerance" : (above ? " > " : " < ") + Figures.text(bound);
        return key + " " + Figures.text(current) + relation + " (baseline "
                + Figures.text(baseline.value()) + " " + baseline.toleranceText() + ")";
    }
}
