package dev.argus.core.stats;

/**
 * The mixture sequential probability ratio test (mSPRT) with a normal mixing distribution, after
 * Johari, Pekelis and Walsh, "Always Valid Inference" (2017): the likelihood ratio of the observed
 * difference of means θ̂ (variance V = σA²/nA + σB²/nB) against 0, mixed over θ ~ N(0, τ²), is
 *
 * <pre>Λ = sqrt(V / (V + τ²)) · exp(τ²·θ̂² / (2·V·(V + τ²)))</pre>
 *
 * and is a martingale under the null, so by Ville's inequality P(sup Λ ≥ 1/α) ≤ α: the
 * always-valid p-value min(1, 1 / max Λ) may be checked after every new observation without
 * inflating false positives. Inverting the test gives the confidence sequence
 * θ̂ ± sqrt(V(V + τ²)/τ² · (2·ln(1/α) + ln((V + τ²)/V))). Variances are estimated from the data,
 * which makes validity asymptotic (the usual practice; see the A/A simulation in docs/STATISTICS.md).
 *
 * <p>{@code mixingEffect} sets τ in units of the pooled standard deviation: the standardized effect
 * size the test is most sensitive to.
 */
public final class SequentialTest {

    /** Default τ in standard deviations: tuned for effects around Cohen's d = 0.2. */
    public static final double DEFAULT_MIXING_EFFECT = 0.2;

    /**
     * One look at the data.
     *
     * @param likelihoodRatio  Λ at this look
     * @param pValue           always-valid p-value after all looks so far, or {@code null} when undefined
     * @param lower            lower bound of the always-valid confidence sequence for B − A
     * @param upper            upper bound
     * @param reject           whether the null hypothesis is rejected at level α
     * @param reason           why the look is undefined, or {@code null}
     */
    public record Look(Double likelihoodRatio, Double pValue, Double lower, Double upper, boolean reject,
                       String reason) implements PValued {
    }

    private final double alpha;
    private final double mixingEffect;
    private double bestRatio = 1.0;

    /** A test that keeps the running maximum of Λ across looks. */
    public SequentialTest(double alpha, double mixingEffect) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1");
        }
        if (!(mixingEffect > 0)) {
            throw new IllegalArgumentException("mixing effect must be positive");
        }
        this.alpha = alpha;
        this.mixingEffect = mixingEffect;
    }

    /** Looks at the cumulative samples so far. */
    public Look look(SampleSummary a, SampleSummary b) {
        if (a.n() < 2 || b.n() < 2) {
            return new Look(null, Math.min(1.0, 1 / bestRatio), null, null, false,
                    "each sample needs at least 2 values");
        }
        double v = a.variance() / a.n() + b.variance() / b.n();
        double pooledVariance = (a.variance() + b.variance()) / 2;
        if (v == 0 || pooledVariance == 0) {
            return new Look(null, Math.min(1.0, 1 / bestRatio), null, null, false,
                    "both samples have zero variance");
        }
        double tau2 = mixingEffect * mixingEffect * pooledVariance;
        double theta = b.mean() - a.mean();
        double logRatio = 0.5 * Math.log(v / (v + tau2)) + tau2 * theta * theta / (2 * v * (v + tau2));
        double ratio = Math.exp(Math.min(logRatio, 700));
        bestRatio = Math.max(bestRatio, ratio);
        double p = Math.min(1.0, 1 / bestRatio);
        double halfWidth = Math.sqrt(v * (v + tau2) / tau2 * (2 * Math.log(1 / alpha) + Math.log((v + tau2) / v)));
        return new Look(ratio, p, theta - halfWidth, theta + halfWidth, p <= alpha, null);
    }

    /** The same test for success rates, with Bernoulli variances. */
    public Look look(TwoByTwo t) {
        return look(bernoulli(t.successesA(), t.totalA()), bernoulli(t.successesB(), t.totalB()));
    }

    private static SampleSummary bernoulli(long successes, long total) {
        double rate = (double) successes / total;
        double variance = total < 2 ? Double.NaN : rate * (1 - rate) * total / (total - 1);
        return new SampleSummary((int) Math.min(Integer.MAX_VALUE, total), rate, variance);
    }
}
