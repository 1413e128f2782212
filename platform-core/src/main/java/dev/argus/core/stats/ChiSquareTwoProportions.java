package dev.argus.core.stats;

/**
 * Pearson's χ² test of a 2×2 table with one degree of freedom, as SciPy's
 * {@code chi2_contingency(table, correction=...)}: with Yates' correction every |O − E| is reduced
 * by min(0.5, |O − E|).
 */
public final class ChiSquareTwoProportions {

    /**
     * @param statistic the χ² statistic
     * @param pValue    p-value with 1 degree of freedom, or {@code null} when undefined
     * @param yates     whether Yates' continuity correction was applied
     * @param reason    why the test is undefined, or {@code null}
     */
    public record Result(Double statistic, Double pValue, boolean yates, String reason) implements PValued {
    }

    private ChiSquareTwoProportions() {
    }

    /** Runs the test. */
    public static Result test(TwoByTwo t, boolean yates) {
        double n = t.grandTotal();
        double[][] observed = {{t.successesA(), t.failuresA()}, {t.successesB(), t.failuresB()}};
        double[] rows = {t.totalA(), t.totalB()};
        double[] cols = {t.successes(), t.grandTotal() - t.successes()};
        if (cols[0] == 0 || cols[1] == 0) {
            return new Result(null, null, yates, "every trial has the same outcome, so an expected count is zero");
        }
        double statistic = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double expected = rows[i] * cols[j] / n;
                double diff = Math.abs(observed[i][j] - expected);
                if (yates) {
                    diff -= Math.min(0.5, diff);
                }
                statistic += diff * diff / expected;
            }
        }
        return new Result(statistic, TailProbabilities.chiSquare(statistic, 1), yates, null);
    }
}
