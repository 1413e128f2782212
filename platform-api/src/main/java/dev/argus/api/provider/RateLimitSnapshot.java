package dev.argus.api.provider;

import java.time.Duration;
import java.time.Instant;

/**
 * Rate-limit headroom reported by a provider with one response. Any field may be {@code null}
 * when the provider did not report it.
 *
 * @param requestsLimit     requests allowed per window
 * @param requestsRemaining requests left in the current window
 * @param requestsReset     when the request window resets
 * @param tokensLimit       tokens allowed per window
 * @param tokensRemaining   tokens left in the current window
 * @param tokensReset       when the token window resets
 * @param retryAfter        how long the provider asked the caller to wait
 */
public record RateLimitSnapshot(Long requestsLimit, Long requestsRemaining, Instant requestsReset, Long tokensLimit,
                                Long tokensRemaining, Instant tokensReset, Duration retryAfter) {

    /** No rate-limit information. */
    public static final RateLimitSnapshot NONE = new RateLimitSnapshot(null, null, null, null, null, null, null);

    /** Whether any field is known. */
    public boolean isPresent() {
        return !equals(NONE);
    }
}
