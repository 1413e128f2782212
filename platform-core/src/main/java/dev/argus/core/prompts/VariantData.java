package dev.argus.core.prompts;

/**
 * The data of one variant for one metric: either continuous values (latency, cost, a score) or
 * success counts (success rate, thumbs-up rate).
 *
 * @param version   the prompt version
 * @param values    observed values, or {@code null} for counts
 * @param successes successes, or {@code null} for values
 * @param total     trials, or {@code null} for values
 */
public record VariantData(int version, double[] values, Long successes, Long total) {

    /** Whether this variant carries counts rather than values. */
    public boolean counts() {
        return values == null;
    }

    /** Number of observations. */
    public long n() {
        return values != null ? values.length : total;
    }
}
