package dev.argus.core.stats;

/**
 * Welch's unequal-variance t-test with Welch–Satterthwaite degrees of freedom, equal to SciPy's
 * {@code ttest_ind(a, b, equal_var=False)}.
 */
public final class WelchTTest {

    /**
     * @param statistic t of a minus b
     * @param df        Welch–Satterthwaite degrees of freedom
     * @param pValue    p-value for the alternative, or {@code null} when undefined
     * @param reason    why the test is undefined, or {@code null}
     */
    public record Result(Double statistic, Double df, Double pValue, String reason) implements PValued {
        static Result undefined(String reason) {
            return new Result(null, null, null, reason);
        }
    }

    private WelchTTest() {
    }

    /** Two-sided test. */
    public static Result test(double[] a, double[] b) {
        return test(a, b, Alternative.TWO_SIDED);
    }

    /** Tests whether the means of {@code a} and {@code b} differ (or one is larger). */
    public static Result test(double[] a, double[] b, Alternative alternative) {
        return test(SampleSummary.of(a), SampleSummary.of(b), alternative);
    }

    /** The test from summaries alone (what rollups can provide). */
    public static Result test(SampleSummary a, SampleSummary b, Alternative alternative) {
        if (a.n() < 2 || b.n() < 2) {
            return Result.undefined("each sample needs at least 2 values (got " + a.n() + " and " + b.n() + ")");
        }
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        double se2 = va + vb;
        if (se2 == 0) {
            return Result.undefined("both samples have zero variance, so the t statistic is undefined");
        }
        double t = (a.mean() - b.mean()) / Math.sqrt(se2);
        double df = se2 * se2 / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double p = TailProbabilities.pValue(t, alternative, x -> TailProbabilities.studentT(x, df));
        return new Result(t, df, p, null);
    }
}
