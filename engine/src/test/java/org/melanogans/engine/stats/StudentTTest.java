package org.melanogans.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudentTTest {
    /**
     * {@code P(|T| <= t)} for integer {@code nu} in closed form (Abramowitz and Stegun 26.7.3 and
     * 26.7.4), with {@code theta = atan(t / sqrt(nu))}: for odd nu,
     * {@code 2/pi (theta + sin theta (cos theta + 2/3 cos^3 theta + ... ))}, the series stopping at
     * {@code cos^(nu-2)}, and {@code 2 theta / pi} for nu = 1; for even nu,
     * {@code sin theta (1 + 1/2 cos^2 theta + 1*3/(2*4) cos^4 theta + ... )}, also up to {@code cos^(nu-2)}.
     */
    private static double centralProbability(double t, int nu) {
        double theta = Math.atan(t / Math.sqrt(nu));
        double cos2 = Math.cos(theta) * Math.cos(theta);
        if (nu % 2 == 1) {
            double term = Math.cos(theta);
            double series = nu == 1 ? 0 : term;
            for (int k = 3; k <= nu - 2; k += 2) {
                term *= (k - 1.0) / k * cos2;
                series += term;
            }
            return 2 / Math.PI * (theta + Math.sin(theta) * series);
        }
        double term = 1;
        double series = 1;
        for (int k = 2; k <= nu - 2; k += 2) {
            term *= (k - 1.0) / k * cos2;
            series += term;
        }
        return Math.sin(theta) * series;
    }

    @Test
    void closedFormOracleMatchesKnownSmallCases() {
        // nu = 1 (Cauchy): P(|T| <= 1) = 1/2; nu = 2: P(|T| <= t) = t / sqrt(2 + t^2).
        assertEquals(0.5, centralProbability(1, 1), 1e-15);
        assertEquals(3 / Math.sqrt(11), centralProbability(3, 2), 1e-15);
        // nu = 3: 2/pi (atan(t/sqrt3) + (t/sqrt3) / (1 + t^2/3)); at t = sqrt3: 2/pi (pi/4 + 1/2).
        assertEquals(0.5 + 1 / Math.PI, centralProbability(Math.sqrt(3), 3), 1e-15);
    }

    @Test
    void everyTabulatedValueIsTheQuantileRoundedToSixDecimals() {
        for (int df = 1; df <= StudentT.MAX_DF; df++) {
            double t = StudentT.critical95(df);
            assertTrue(centralProbability(t - 5e-7, df) < 0.95, "df " + df + " too high");
            assertTrue(centralProbability(t + 5e-7, df) > 0.95, "df " + df + " too low");
        }
        assertEquals(30, StudentT.MAX_DF);
    }

    @Test
    void everyOneSidedValueIsTheQuantileRoundedToSixDecimals() {
        // P(T <= t) = 0.95 is P(|T| <= t) = 0.90
        for (int df = 1; df <= StudentT.MAX_DF; df++) {
            double t = StudentT.oneSided95(df);
            assertTrue(centralProbability(t - 5e-7, df) < 0.90, "df " + df + " too high");
            assertTrue(centralProbability(t + 5e-7, df) > 0.90, "df " + df + " too low");
        }
        assertEquals(6.314, StudentT.oneSided95(1), 5e-4);   // NIST column 0.95
        assertEquals(2.920, StudentT.oneSided95(2), 5e-4);
        assertEquals(1.697, StudentT.oneSided95(30), 5e-4);
    }

    @Test
    void agreesWithThePrintedThreeDecimalTable() {
        // NIST/SEMATECH e-Handbook 1.3.6.7.2, column 0.975.
        assertEquals(12.706, StudentT.critical95(1), 5e-4);
        assertEquals(4.303, StudentT.critical95(2), 5e-4);
        assertEquals(2.571, StudentT.critical95(5), 5e-4);
        assertEquals(2.228, StudentT.critical95(10), 5e-4);
        assertEquals(2.042, StudentT.critical95(30), 5e-4);
    }

    @Test
    void outsideTheTableIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.critical95(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudentT.critical95(31));
        assertEquals("t critical values are tabulated for 1 to 30 degrees of freedom, got 31", e.getMessage());
    }
}
