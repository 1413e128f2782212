package dev.argus.core.llm;

import dev.argus.api.ErrorCategory;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.RateLimitSnapshot;
import java.time.Duration;
import java.time.Instant;

/**
 * The outcome of one attempt of a call, reported as it happens so each can be logged as an LLM call.
 *
 * @param target        the model tried
 * @param number        1-based position among all attempts of the call (fallback attempts continue the count)
 * @param fallback      whether {@code target} is the route's fallback model
 * @param startedAt     when the attempt began
 * @param latency       how long it took
 * @param sentUpstream  {@code false} when no request left Argus (circuit open, provider unavailable)
 * @param response      the answer on success, otherwise {@code null}
 * @param error         the failure category, or {@code null} on success
 * @param httpStatus    the upstream HTTP status of a failure, or 0
 * @param errorMessage  the failure message (never containing credentials), or {@code null}
 * @param rateLimits    headroom reported with the answer or the failure
 * @param retryAfter    the wait the upstream asked for, or {@code null}
 * @param nextDelay     the wait before the next attempt at the same model, or {@code null} when none follows
 */
public record Attempt(ModelRef target, int number, boolean fallback, Instant startedAt, Duration latency,
                      boolean sentUpstream, ChatResponse response, ErrorCategory error, int httpStatus,
                      String errorMessage, RateLimitSnapshot rateLimits, Duration retryAfter, Duration nextDelay) {

    /** Whether the attempt produced an answer. */
    public boolean success() {
        return response != null;
    }

    /** Whether another attempt at the same model follows this one. */
    public boolean retried() {
        return nextDelay != null;
    }
}
