package dev.argus.core.stats;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper-tail probabilities computed directly from the special functions, so small p-values keep
 * their precision (1 - cdf would cancel them away).
 */
final class TailProbabilities {

    private TailProbabilities() {
    }

    /** P(Z &gt; z) for a standard normal Z. */
    static double normal(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
    }

    /** P(T &gt; t) for Student's t with {@code df} (possibly fractional) degrees of freedom. */
    static double studentT(double t, double df) {
        double tail = 0.5 * Beta.regularizedBeta(df / (df + t * t), 0.5 * df, 0.5);
        return t >= 0 ? tail : 1.0 - tail;
    }

    /** P(X &gt; x) for a chi-square X with {@code df} degrees of freedom. */
    static double chiSquare(double x, double df) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(0.5 * df, 0.5 * x);
    }

    /** The p-value of a statistic with a symmetric null distribution, given its upper tail function. */
    static double pValue(double statistic, Alternative alternative, java.util.function.DoubleUnaryOperator upperTail) {
        return switch (alternative) {
            case TWO_SIDED -> Math.min(1.0, 2.0 * upperTail.applyAsDouble(Math.abs(statistic)));
            case GREATER -> upperTail.applyAsDouble(statistic);
            case LESS -> upperTail.applyAsDouble(-statistic);
        };
    }
}
