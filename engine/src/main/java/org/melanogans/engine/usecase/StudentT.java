package org.melanogans.engine.usecase;

/**
 * Two-sided 95% critical values of Student's t distribution, {@code t(0.975, df)}, for df 1 to 30
 * (up to 31 seeds, more than a use-case stage will run). Values to six decimals, as computed by
 * {@code scipy.stats.t.ppf(0.975, df)}; to three decimals they are the table of the NIST/SEMATECH
 * e-Handbook of Statistical Methods, section 1.3.6.7.2 (12.706, 4.303, 3.182, ... 2.042).
 */
final class StudentT {
    private static final double[] CRITICAL_975 = {
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    };

    /** The largest degrees of freedom tabulated. */
    static final int MAX_DF = CRITICAL_975.length;

    private StudentT() {
    }

    /** {@code t} with {@code P(|T| <= t) = 0.95} for {@code df} degrees of freedom, 1 to {@link #MAX_DF}. */
    static double critical95(int df) {
        if (df < 1 || df > MAX_DF) {
            throw new IllegalArgumentException("t critical values are tabulated for 1 to " + MAX_DF
                    + " degrees of freedom, got " + df);
        }
        return CRITICAL_975[df - 1];
    }
}
