package dev.argus.core.stats;

/**
 * The pooled two-proportion z-test: z = (pA − pB) / sqrt(p(1 − p)(1/nA + 1/nB)) with p the pooled
 * rate; two-sided p = 2·P(Z &gt; |z|).
 */
public final class TwoProportionZTest {

    /**
     * @param statistic z of A minus B
     * @param pValue    p-value, or {@code null} when undefined
     * @param reason    why the test is undefined, or {@code null}
     */
    public record Result(Double statistic, Double pValue, String reason) implements PValued {
    }

    private TwoProportionZTest() {
    }

    /** Two-sided test. */
    public static Result test(TwoByTwo t) {
        return test(t, Alternative.TWO_SIDED);
    }

    /** Runs the test. */
    public static Result test(TwoByTwo t, Alternative alternative) {
        double pooled = (double) t.successes() / t.grandTotal();
        double variance = pooled * (1 - pooled) * (1.0 / t.totalA() + 1.0 / t.totalB());
        if (variance == 0) {
            return new Result(null, null, "every trial has the same outcome, so the pooled variance is zero");
        }
        double z = (t.rateA() - t.rateB()) / Math.sqrt(variance);
        return new Result(z, TailProbabilities.pValue(z, alternative, TailProbabilities::normal), null);
    }
}
