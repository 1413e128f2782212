package dev.argus.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap confidence interval for the difference of means (B − A): both samples are
 * resampled with replacement, independently, {@code resamples} times from a seeded generator, so
 * the same request gives the same interval.
 *
 * @param lower      lower bound
 * @param upper      upper bound
 * @param confidence e.g. 0.95
 * @param resamples  number of bootstrap resamples
 * @param seed       the generator's seed
 */
public record BootstrapInterval(double lower, double upper, double confidence, int resamples, long seed) {

    /** Default number of resamples. */
    public static final int DEFAULT_RESAMPLES = 5_000;

    /** Computes the interval. */
    public static BootstrapInterval differenceOfMeans(double[] a, double[] b, double confidence, int resamples,
                                                      long seed) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1");
        }
        if (resamples < 100 || resamples > 100_000) {
            throw new IllegalArgumentException("resamples must be between 100 and 100000");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            differences[r] = resampledMean(b, random) - resampledMean(a, random);
        }
        Arrays.sort(differences);
        double tail = (1 - confidence) / 2;
        return new BootstrapInterval(quantile(differences, tail), quantile(differences, 1 - tail), confidence,
                resamples, seed);
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    /** Linear interpolation between order statistics (NumPy's default). */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
