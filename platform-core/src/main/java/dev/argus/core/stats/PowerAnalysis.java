package dev.argus.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Sample size and minimum detectable effect for a two-sided two-sample test with equal group sizes,
 * from the normal approximation: n = (z(1−α/2) + z(power))² · (σA² + σB²) / δ² per group, and for
 * proportions n = (z(1−α/2)·sqrt(2·p̄(1−p̄)) + z(power)·sqrt(pA(1−pA) + pB(1−pB)))² / δ².
 */
public final class PowerAnalysis {

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private PowerAnalysis() {
    }

    /** Observations needed per group to detect a difference of means {@code delta}. */
    public static long sampleSizeForMeans(double delta, double sdA, double sdB, double alpha, double power) {
        check(alpha, power);
        if (delta == 0) {
            throw new IllegalArgumentException("the effect to detect must not be zero");
        }
        double z = zAlpha(alpha) + NORMAL.inverseCumulativeProbability(power);
        return (long) Math.ceil(z * z * (sdA * sdA + sdB * sdB) / (delta * delta));
    }

    /** Smallest difference of means detectable with {@code n} observations per group. */
    public static double minimumDetectableEffect(long n, double sdA, double sdB, double alpha, double power) {
        check(alpha, power);
        double z = zAlpha(alpha) + NORMAL.inverseCumulativeProbability(power);
        return z * Math.sqrt((sdA * sdA + sdB * sdB) / n);
    }

    /** Trials needed per group to tell rate {@code pA} from {@code pB}. */
    public static long sampleSizeForProportions(double pA, double pB, double alpha, double power) {
        check(alpha, power);
        if (pA == pB) {
            throw new IllegalArgumentException("the rates to tell apart must differ");
        }
        double mean = (pA + pB) / 2;
        double root = zAlpha(alpha) * Math.sqrt(2 * mean * (1 - mean))
                + NORMAL.inverseCumulativeProbability(power) * Math.sqrt(pA * (1 - pA) + pB * (1 - pB));
        return (long) Math.ceil(root * root / ((pA - pB) * (pA - pB)));
    }

    private static double zAlpha(double alpha) {
        return NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }

    private static void check(double alpha, double power) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1");
        }
        if (!(power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be between 0 and 1");
        }
    }
}
