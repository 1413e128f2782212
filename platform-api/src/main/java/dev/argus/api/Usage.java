package dev.argus.api;

/**
 * Token counts of one model call. Cached and reasoning tokens are reported separately because
 * providers price them differently; {@code inputTokens} includes neither cache reads nor writes.
 *
 * @param inputTokens              uncached input (prompt) tokens
 * @param outputTokens             output (completion) tokens, including reasoning tokens
 * @param cacheReadInputTokens     input tokens served from the provider's prompt cache
 * @param cacheWriteInputTokens    input tokens written to the provider's prompt cache
 * @param reasoningTokens          the part of {@code outputTokens} spent on hidden reasoning
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
                    long reasoningTokens) {

    /** No tokens. */
    public static final Usage ZERO = new Usage(0, 0, 0, 0, 0);

    /** Rejects negative counts. */
    public Usage {
        if (inputTokens < 0 || outputTokens < 0 || cacheReadInputTokens < 0 || cacheWriteInputTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }

    /** Plain input and output counts. */
    public static Usage of(long inputTokens, long outputTokens) {
        return new Usage(inputTokens, outputTokens, 0, 0, 0);
    }

    /** All input tokens, cached or not. */
    public long totalInputTokens() {
        return inputTokens + cacheReadInputTokens + cacheWriteInputTokens;
    }
}
