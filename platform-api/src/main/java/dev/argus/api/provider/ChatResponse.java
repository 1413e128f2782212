package dev.argus.api.provider;

import dev.argus.api.Usage;
import java.time.Duration;

/**
 * A completed chat answer.
 *
 * @param model            the model that answered (may differ from the requested alias)
 * @param content          the answer text
 * @param finishReason     why generation stopped ({@code stop}, {@code length}, …), or {@code null}
 * @param usage            token counts as the provider reported them
 * @param rateLimits       rate-limit headroom read from the response headers
 * @param timeToFirstToken for streamed answers, the delay until the first text; otherwise {@code null}
 * @param upstreamRequestId the provider's request id header, or {@code null}
 */
public record ChatResponse(String model, String content, String finishReason, Usage usage,
                           RateLimitSnapshot rateLimits, Duration timeToFirstToken, String upstreamRequestId) {

    /** Fills absent usage and rate limits. */
    public ChatResponse {
        usage = usage == null ? Usage.ZERO : usage;
        rateLimits = rateLimits == null ? RateLimitSnapshot.NONE : rateLimits;
        content = content == null ? "" : content;
    }
}
