package dev.argus.core.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The exact null distribution of the Mann-Whitney U statistic for samples without ties: the number
 * of arrangements giving each U are the coefficients of the Gaussian binomial coefficient
 * [m+n choose m]_q, built exactly with big integers as prod_{k=1..m} (1 - q^(n+k)) / (1 - q^k).
 */
final class ExactMannWhitney {

    /** Largest m·n for which the exact distribution is computed. */
    static final long MAX_CELLS = 250_000;

    private final BigInteger[] counts;
    private final BigInteger total;

    private ExactMannWhitney(BigInteger[] counts, BigInteger total) {
        this.counts = counts;
        this.total = total;
    }

    static boolean feasible(int n1, int n2) {
        return (long) n1 * n2 <= MAX_CELLS;
    }

    static ExactMannWhitney of(int n1, int n2) {
        int m = Math.min(n1, n2);
        int n = Math.max(n1, n2);
        BigInteger[] c = new BigInteger[m * n + 1];
        java.util.Arrays.fill(c, BigInteger.ZERO);
        c[0] = BigInteger.ONE;
        for (int k = 1; k <= m; k++) {
            int degree = k * n;
            // multiply by (1 - q^(n+k)), walking down so each coefficient is read before it is changed
            for (int j = degree; j >= n + k; j--) {
                c[j] = c[j].subtract(c[j - n - k]);
            }
            // divide by (1 - q^k): the quotient's coefficients are running sums with stride k
            for (int j = k; j <= degree; j++) {
                c[j] = c[j].add(c[j - k]);
            }
        }
        BigInteger total = BigInteger.ZERO;
        for (BigInteger v : c) {
            total = total.add(v);
        }
        return new ExactMannWhitney(c, total);
    }

    /** P(U &gt;= u) under the null hypothesis. */
    double survival(double u) {
        int from = (int) Math.ceil(u);
        BigInteger sum = BigInteger.ZERO;
        for (int j = Math.max(0, from); j < counts.length; j++) {
            sum = sum.add(counts[j]);
        }
        return new BigDecimal(sum).divide(new BigDecimal(total), MathContext.DECIMAL128).doubleValue();
    }
}
