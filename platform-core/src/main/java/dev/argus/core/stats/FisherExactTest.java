package dev.argus.core.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Fisher's exact test of a 2×2 table, two-sided as SciPy's {@code fisher_exact}: the p-value sums
 * the hypergeometric probabilities of every table (same margins) that is no more likely than the
 * observed one, with SciPy's relative tolerance of 1e-14 for ties. Probabilities are exact
 * big-integer ratios up to {@link #EXACT_LIMIT} trials, and ratios built in doubles from the mode
 * beyond (with a 1e-7 tolerance, as R's {@code fisher.test}).
 */
public final class FisherExactTest {

    /** Largest total for which the hypergeometric weights are computed exactly. */
    static final long EXACT_LIMIT = 20_000;
    /** Beyond this total the test is not run (χ² and z are accurate there). */
    static final long MAX_TOTAL = 10_000_000;

    /**
     * @param pValue    two-sided p-value, or {@code null} when not computed
     * @param oddsRatio the sample odds ratio (sA·fB)/(fA·sB), or {@code null} when a denominator is 0
     * @param reason    why the p-value is missing, or {@code null}
     */
    public record Result(Double pValue, Double oddsRatio, String reason) implements PValued {
    }

    private FisherExactTest() {
    }

    /** Runs the two-sided test. */
    public static Result test(TwoByTwo t) {
        double denominator = (double) t.failuresA() * t.successesB();
        Double oddsRatio = denominator == 0 ? null : (double) t.successesA() * t.failuresB() / denominator;
        if (t.grandTotal() > MAX_TOTAL) {
            return new Result(null, oddsRatio, "more than " + MAX_TOTAL + " trials; use the chi-square or z test");
        }
        // x = successes of A; margins: row A = totalA, row B = totalB, column "success" = successes
        int rowA = Math.toIntExact(t.totalA());
        int rowB = Math.toIntExact(t.totalB());
        int col = Math.toIntExact(t.successes());
        int low = Math.max(0, col - rowB);
        int high = Math.min(rowA, col);
        int observed = Math.toIntExact(t.successesA());
        double p = t.grandTotal() <= EXACT_LIMIT
                ? exact(rowA, rowB, col, low, high, observed)
                : approximate(rowA, rowB, col, low, high, observed);
        return new Result(Math.min(1.0, p), oddsRatio, null);
    }

    /** Weights C(rowA, x)·C(rowB, col − x) as exact integers. */
    private static double exact(int rowA, int rowB, int col, int low, int high, int observed) {
        BigInteger[] w = new BigInteger[high - low + 1];
        BigInteger a = binomial(rowA, low);
        BigInteger b = binomial(rowB, col - low);
        for (int x = low; x <= high; x++) {
            w[x - low] = a.multiply(b);
            if (x < high) {
                a = a.multiply(BigInteger.valueOf(rowA - x)).divide(BigInteger.valueOf(x + 1));
                // C(rowB, k-1) = C(rowB, k)·k / (rowB − k + 1) with k = col − x
                int k = col - x;
                b = b.multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(rowB - k + 1));
            }
        }
        BigDecimal threshold = new BigDecimal(w[observed - low]).multiply(new BigDecimal("1.00000000000001"));
        BigInteger total = BigInteger.ZERO;
        BigInteger tail = BigInteger.ZERO;
        for (BigInteger v : w) {
            total = total.add(v);
            if (new BigDecimal(v).compareTo(threshold) <= 0) {
                tail = tail.add(v);
            }
        }
        return new BigDecimal(tail).divide(new BigDecimal(total), MathContext.DECIMAL128).doubleValue();
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            r = r.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return r;
    }

    /** Weights relative to the mode, built outward by the ratio of consecutive terms. */
    private static double approximate(int rowA, int rowB, int col, int low, int high, int observed) {
        int size = high - low + 1;
        double[] w = new double[size];
        int mode = (int) Math.floor((col + 1.0) * (rowA + 1.0) / (rowA + rowB + 2.0));
        mode = Math.max(low, Math.min(high, mode));
        w[mode - low] = 1.0;
        for (int x = mode; x < high; x++) {
            w[x + 1 - low] = w[x - low] * ratio(rowA, rowB, col, x);
        }
        for (int x = mode; x > low; x--) {
            w[x - 1 - low] = w[x - low] / ratio(rowA, rowB, col, x - 1);
        }
        double threshold = w[observed - low] * (1 + 1e-7);
        double total = 0;
        double tail = 0;
        for (double v : w) {
            total += v;
            if (v <= threshold) {
                tail += v;
            }
        }
        return tail / total;
    }

    /** P(x + 1) / P(x) for the hypergeometric distribution of the table. */
    private static double ratio(int rowA, int rowB, int col, int x) {
        return (double) (rowA - x) * (col - x) / ((x + 1.0) * (rowB - col + x + 1.0));
    }
}
