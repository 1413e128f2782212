package dev.argus.core.stats;

/**
 * Everything Argus reports about two success rates: χ² (with or without Yates), Fisher's exact
 * test, the pooled z-test, effect sizes and one look of the sequential test.
 *
 * @param a          group A
 * @param b          group B
 * @param chiSquare  Pearson's χ² test
 * @param fisher     Fisher's exact test (two-sided)
 * @param zTest      pooled two-proportion z-test (two-sided)
 * @param effect     effect of B relative to A
 * @param sequential the mSPRT with Bernoulli variances, treating these counts as one look
 */
public record ProportionsReport(Group a, Group b, ChiSquareTwoProportions.Result chiSquare, FisherExactTest.Result fisher,
                                TwoProportionZTest.Result zTest, Effect effect, SequentialTest.Look sequential) {

    /**
     * @param successes successes
     * @param total     trials
     * @param rate      successes / total
     */
    public record Group(long successes, long total, double rate) {
    }

    /**
     * @param difference   rate(B) − rate(A)
     * @param relativeLift difference / rate(A), {@code null} when rate(A) is 0
     * @param cohensH      Cohen's h = 2·asin(√rate(B)) − 2·asin(√rate(A))
     */
    public record Effect(double difference, Double relativeLift, double cohensH) {
    }

    /** Runs every test; {@code yates} chooses the χ² continuity correction (SciPy's default is on). */
    public static ProportionsReport of(TwoByTwo t, boolean yates, double alpha) {
        EffectSize effect = EffectSize.of(t);
        return new ProportionsReport(new Group(t.successesA(), t.totalA(), t.rateA()),
                new Group(t.successesB(), t.totalB(), t.rateB()),
                ChiSquareTwoProportions.test(t, yates), FisherExactTest.test(t), TwoProportionZTest.test(t),
                new Effect(effect.difference(), effect.relativeLift(), effect.cohensD()),
                new SequentialTest(alpha, SequentialTest.DEFAULT_MIXING_EFFECT).look(t));
    }
}
