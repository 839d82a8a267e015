package org.melanogans.engine.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How the check writes numbers: at most 6 significant digits and no trailing zeros (0.018, 40.1, 123456). */
final class Figures {
    private Figures() {
    }

    static String text(double x) {
        if (!Double.isFinite(x)) {
            return Double.isNaN(x) ? "NaN" : (x > 0 ? "inf" : "-inf");
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros();
        double magnitude = Math.abs(x);
        return magnitude >= 1e-4 && magnitude < 1e9
                ? rounded.toPlainString()
                : rounded.toString().toLowerCase(Locale.ROOT);
    }
}
