package org.melanogans.engine.stats;

/**
 * Critical values of Student's t distribution for df 1 to 30 (up to 31 seeds, more than a run will
 * train): two-sided 95%, {@code t(0.975, df)}, for intervals, and one-sided 95%, {@code t(0.95, df)},
 * for the regression gate. Values to six decimals, as computed by {@code scipy.stats.t.ppf}; to
 * three decimals they are the table of the NIST/SEMATECH e-Handbook of Statistical Methods, section
 * 1.3.6.7.2 (12.706, 4.303, 3.182, ... 2.042 and 6.314, 2.920, 2.353, ... 1.697).
 */
public final class StudentT {
    private static final double[] CRITICAL_975 = {
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    };

    private static final double[] CRITICAL_95 = {
        6.313752, 2.919986, 2.353363, 2.131847, 2.015048, 1.943180, 1.894579, 1.859548, 1.833113, 1.812461,
        1.795885, 1.782288, 1.770933, 1.761310, 1.753050, 1.745884, 1.739607, 1.734064, 1.729133, 1.724718,
        1.720743, 1.717144, 1.713872, 1.710882, 1.708141, 1.705618, 1.703288, 1.701131, 1.699127, 1.697261,
    };

    /** The largest degrees of freedom tabulated. */
    public static final int MAX_DF = CRITICAL_975.length;

    private StudentT() {
    }

    /** {@code t} with {@code P(|T| <= t) = 0.95} for {@code df} degrees of freedom, 1 to {@link #MAX_DF}. */
    public static double critical95(int df) {
        return CRITICAL_975[checked(df) - 1];
    }

    /** {@code t} with {@code P(T <= t) = 0.95}: a one-sided test at the 5% level, df 1 to {@link #MAX_DF}. */
    public static double oneSided95(int df) {
        return CRITICAL_95[checked(df) - 1];
    }

    private static int checked(int df) {
        if (df < 1 || df > MAX_DF) {
            throw new IllegalArgumentException("t critical values are tabulated for 1 to " + MAX_DF
                    + " degrees of freedom, got " + df);
        }
        return df;
    }
}
