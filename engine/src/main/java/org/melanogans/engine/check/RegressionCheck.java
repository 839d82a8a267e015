package org.melanogans.engine.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.results.MetricsFile;

/**
 * Compares a run's metrics.json with a {@link Baseline}: the regression gate of {@code gan:check}.
 * A metric regresses when it moves the wrong way by more than its allowance; a metric that is
 * absent, not a number, or belongs to a failed model counts as a regression too, so a crashed
 * model can never pass the gate.
 */
public final class RegressionCheck {
    private RegressionCheck() {
    }

    /** Figures that measure the machine rather than the model: reported, gated only when asked for. */
    public static final java.util.Set<String> TIMING = java.util.Set.of("train_images_per_second", "train_seconds",
            "sample_seconds", "score_seconds");

    /**
     * Checks every baseline metric against {@code current}.
     *
     * @param timing gate the machine-dependent figures ({@link #TIMING}) too
     * @throws UserException when the baseline belongs to another experiment
     */
    public static CheckResult run(MetricsFile current, Baseline baseline, boolean timing) {
        if (!baseline.experiment().equals(current.experiment())) {
            throw new UserException("baseline is for experiment '" + baseline.experiment() + "' but metrics.json is for '"
                    + current.experiment() + "'; use that experiment's baseline or regenerate it");
        }
        JsonNode root = Json.tree(current);
        List<CheckRow> rows = new ArrayList<>();
        baseline.metrics().forEach((key, entry) -> rows.add(check(root, key, entry, timing)));
        return new CheckResult(current.experiment(), rows);
    }

    /** Whether a baseline key names a machine-dependent figure. */
    public static boolean isTiming(String key) {
        return TIMING.contains(key.substring(key.lastIndexOf('.') + 1));
    }

    private static CheckRow check(JsonNode root, String key, BaselineEntry entry, boolean timing) {
        String failed = failedAncestor(root, key);
        if (failed != null) {
            return new CheckRow(key, entry, null, 0, null, null, CheckStatus.MISSING, failed);
        }
        JsonNode node = MetricsTree.at(root, key);
        if (node == null || node.isNull()) {
            return new CheckRow(key, entry, null, 0, null, null, CheckStatus.MISSING, "not in metrics.json");
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            return new CheckRow(key, entry, null, 0, null, null, CheckStatus.MISSING, "not a number: " + node.asText());
        }
        double value = node.doubleValue();
        JsonNode summary = MetricsTree.summaryOf(root, key);
        int seeds = summary == null ? 1 : summary.path("values").size();
        Double sd = summary == null || !summary.path("sd").isNumber() ? null : summary.path("sd").doubleValue();
        double allowance = entry.allowance(sd, Math.max(1, seeds));
        if (!timing && isTiming(key)) {
            return new CheckRow(key, entry, value, seeds, value - entry.value(), allowance, CheckStatus.NOT_GATED,
                    "depends on the machine; -Dgan.check.timing gates it");
        }
        if (entry.breaches(value)) {
            return new CheckRow(key, entry, value, seeds, value - entry.value(), allowance, CheckStatus.REGRESSED,
                    "at or past " + Figures.text(entry.bound().value()) + ", what " + entry.bound().meaning()
                            + " scores");
        }
        return new CheckRow(key, entry, value, seeds, value - entry.value(), allowance,
                verdict(value, entry, allowance), null);
    }
    /** "model failed: <error>" (or "use-case stage failed: ...") when an object on the path has status "failed", else null. */
    private static String failedAncestor(JsonNode root, String key) {
        JsonNode node = root;
        for (String step : key.split("\\.", -1)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            if ("failed".equals(node.path("status").asText(null))) {
                return (key.startsWith("usecase.") ? "use-case stage failed: " : "model failed: ")
                        + node.path("error").asText("no error recorded");
            }
            node = node.get(step);
        }
        return null;
    }

    private static CheckStatus verdict(double value, BaselineEntry entry, double allowance) {
        // Forgive rounding noise at the exact bound (0.012 * 1.5 is not exactly 0.018 in binary).
        double slack = 1e-12 * Math.max(Math.abs(value), Math.abs(entry.value()));
        double above = value - entry.value();
        return switch (entry.direction()) {
            case LOWER_IS_BETTER -> above > allowance + slack ? CheckStatus.REGRESSED
                    : -above > allowance + slack ? CheckStatus.IMPROVED : CheckStatus.OK;
            case HIGHER_IS_BETTER -> -above > allowance + slack ? CheckStatus.REGRESSED
                    : above > allowance + slack ? CheckStatus.IMPROVED : CheckStatus.OK;
            case BOTH -> Math.abs(above) > allowance + slack ? CheckStatus.REGRESSED : CheckStatus.OK;
        };
    }
}
