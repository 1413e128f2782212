package dev.argus.core.stats;

import java.util.Arrays;

/**
 * Everything Argus reports about two samples of a continuous metric: summaries, Welch's t-test,
 * Mann-Whitney U, effect sizes, a bootstrap interval and one look of the sequential test.
 *
 * @param a            summary of the first sample
 * @param b            summary of the second sample
 * @param alternative  {@code two-sided}, {@code greater} or {@code less}
 * @param welch        Welch's t-test
 * @param mannWhitney  Mann-Whitney U
 * @param effect       effect of B relative to A
 * @param bootstrap    percentile bootstrap interval of mean(B) − mean(A)
 * @param sequential   the mSPRT treating these samples as one look (always valid; see {@link SequentialTest})
 */
public record TwoSampleReport(Summary a, Summary b, String alternative, WelchTTest.Result welch,
                              MannWhitneyU.Result mannWhitney, Effect effect, BootstrapInterval bootstrap,
                              SequentialTest.Look sequential) {

    /**
     * @param n      number of values
     * @param mean   mean
     * @param sd     standard deviation (ddof = 1), {@code null} for one value
     * @param median median
     */
    public record Summary(int n, double mean, Double sd, double median) {
        /** Summarises a non-empty sample of finite values. */
        public static Summary of(double[] values) {
            SampleSummary s = SampleSummary.of(values);
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
            return new Summary(s.n(), s.mean(), s.n() < 2 ? null : s.sd(), median);
        }
    }

    /**
     * @param difference   mean(B) − mean(A)
     * @param relativeLift difference / |mean(A)|, {@code null} when mean(A) is 0
     * @param cohensD      difference over the pooled standard deviation, {@code null} when undefined
     */
    public record Effect(double difference, Double relativeLift, Double cohensD) {
    }

    /**
     * How to run the tests.
     *
     * @param alternative  alternative hypothesis
     * @param method       Mann-Whitney method
     * @param continuity   continuity correction for the asymptotic Mann-Whitney test
     * @param confidence   bootstrap confidence level
     * @param resamples    bootstrap resamples
     * @param seed         bootstrap seed
     * @param alpha        level of the sequential test
     * @param mixingEffect τ of the sequential test, in pooled standard deviations
     */
    public record Options(Alternative alternative, MannWhitneyU.Method method, boolean continuity, double confidence,
                          int resamples, long seed, double alpha, double mixingEffect) {

        /** SciPy's defaults, a 95 % interval from 5,000 resamples with seed 0, α = 0.05. */
        public static Options defaults() {
            return new Options(Alternative.TWO_SIDED, MannWhitneyU.Method.AUTO, true, 0.95,
                    BootstrapInterval.DEFAULT_RESAMPLES, 0L, 0.05, SequentialTest.DEFAULT_MIXING_EFFECT);
        }
    }

    /** Runs every test on {@code a} and {@code b}. */
    public static TwoSampleReport of(double[] a, double[] b, Options options) {
        SampleSummary sa = SampleSummary.of(a);
        SampleSummary sb = SampleSummary.of(b);
        EffectSize effect = EffectSize.of(sa, sb);
        return new TwoSampleReport(Summary.of(a), Summary.of(b), wire(options.alternative()),
                WelchTTest.test(sa, sb, options.alternative()),
                MannWhitneyU.test(a, b, options.alternative(), options.method(), options.continuity()),
                new Effect(effect.difference(), effect.relativeLift(), effect.cohensD()),
                BootstrapInterval.differenceOfMeans(a, b, options.confidence(), options.resamples(), options.seed()),
                new SequentialTest(options.alpha(), options.mixingEffect()).look(sa, sb));
    }

    static String wire(Alternative alternative) {
        return switch (alternative) {
            case TWO_SIDED -> "two-sided";
            case GREATER -> "greater";
            case LESS -> "less";
        };
    }
}
