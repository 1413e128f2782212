package dev.argus.core.stats;

/**
 * How large a difference is, independent of significance.
 *
 * @param difference   mean (or rate) of B minus that of A
 * @param relativeLift difference divided by |A|, or {@code null} when A is 0
 * @param cohensD      difference over the pooled standard deviation, or {@code null} when it is 0 or undefined
 */
public record EffectSize(double difference, Double relativeLift, Double cohensD) {

    /** Effect of B relative to A for continuous samples. */
    public static EffectSize of(SampleSummary a, SampleSummary b) {
        double difference = b.mean() - a.mean();
        Double d = null;
        if (a.n() + b.n() > 2) {
            double va = a.n() > 1 ? a.variance() : 0;
            double vb = b.n() > 1 ? b.variance() : 0;
            double pooled = Math.sqrt(((a.n() - 1) * va + (b.n() - 1) * vb) / (a.n() + b.n() - 2));
            d = pooled > 0 ? difference / pooled : null;
        }
        return new EffectSize(difference, lift(a.mean(), difference), d);
    }

    /** Effect of B relative to A for success rates; Cohen's d is replaced by Cohen's h. */
    public static EffectSize of(TwoByTwo t) {
        double difference = t.rateB() - t.rateA();
        double h = 2 * Math.asin(Math.sqrt(t.rateB())) - 2 * Math.asin(Math.sqrt(t.rateA()));
        return new EffectSize(difference, lift(t.rateA(), difference), h);
    }

    private static Double lift(double base, double difference) {
        return base == 0 ? null : difference / Math.abs(base);
    }
}
