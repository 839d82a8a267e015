package org.melanogans.engine.check;

/**
 * One line of a {@link CheckResult}.
 *
 * @param key       dotted path into metrics.json
 * @param baseline  the baseline entry (value and rule)
 * @param current   value in the checked metrics.json, or null when missing
 * @param seeds     seeds the current value is the mean of
 * @param delta     current - baseline value, or null when missing
 * @param allowance the change the rule allowed here, in the metric's unit (null when missing)
 * @param status    the verdict
 * @param reason    why it is missing or not gated (e.g. "model failed: out of memory"), otherwise null
 */
public record CheckRow(String key, BaselineEntry baseline, Double current, int seeds, Double delta, Double allowance,
                       CheckStatus status, String reason) {

    /** The allowed range as text: "<= 0.018", ">= 20", "0.9 .. 1.1". */
    public String allowed() {
        if (allowance == null) {
            return "-";
        }
        double low = baseline.value() - allowance;
        double high = baseline.value() + allowance;
        // a bound stricter than the allowance is the limit that holds
        BaselineEntry.Bound b = baseline.bound();
        return switch (baseline.direction()) {
            case LOWER_IS_BETTER -> b != null && b.value() <= high ? "< " + Figures.text(b.value())
                    : "<= " + Figures.text(high);
            case HIGHER_IS_BETTER -> b != null && b.value() >= low ? "> " + Figures.text(b.value())
                    : ">= " + Figures.text(low);
            case BOTH -> Figures.text(low) + " .. " + Figures.text(high);
        };
    }

    /**
     * How the allowance was set, for the table: "noise, 3 vs 3 seeds" or, when the baseline has one
     * seed, "default +50% (baseline from 1 seed)".
     */
    public String rule() {
        if (baseline.mode() == ToleranceMode.CALIBRATED) {
            return "noise, " + baseline.seeds() + " vs " + seeds + " seeds";
        }
        return baseline.seeds() < 2 ? baseline.toleranceText() + " (baseline from 1 seed)" : baseline.toleranceText();
    }

    /** One phrase for the summary line, e.g. "models.dcgan.emd 0.031 > 0.018 (baseline 0.012 +50%)". */
    public String describe() {
        if (status == CheckStatus.MISSING || status == CheckStatus.NOT_GATED) {
            return key + " " + (status == CheckStatus.MISSING ? "missing" : "not gated") + " (" + reason + ")";
        }
        if (status == CheckStatus.REGRESSED && baseline.breaches(current)) {
            return key + " " + Figures.text(current) + " " + reason;
        }
        // Name the bound that was crossed: the regression bound, or for an improvement the
        // bound on the good side.
        boolean above = current > baseline.value();
        double bound = above ? baseline.value() + allowance : baseline.value() - allowance;
        String relation = status == CheckStatus.OK ? " within tolerance" : (above ? " > " : " < ") + Figures.text(bound);
        return key + " " + Figures.text(current) + relation + " (baseline "
                + Figures.text(baseline.value()) + " " + baseline.toleranceText() + ")";
    }
}
