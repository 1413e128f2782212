package dev.argus.core.stats;

/**
 * Size, mean and unbiased (ddof = 1) variance of a sample, computed in two passes as NumPy does.
 *
 * @param n        number of values
 * @param mean     arithmetic mean
 * @param variance sample variance with n - 1 in the denominator ({@code NaN} when n &lt; 2)
 */
public record SampleSummary(int n, double mean, double variance) {

    /** Summarises {@code values}; they must be finite and not empty. */
    public static SampleSummary of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("sample is empty");
        }
        double sum = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample contains a non-finite value");
            }
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double variance = values.length < 2 ? Double.NaN : squares / (values.length - 1);
        return new SampleSummary(values.length, mean, variance);
    }

    /** Standard deviation (ddof = 1), {@code NaN} when n &lt; 2. */
    public double sd() {
        return Math.sqrt(variance);
    }
}
