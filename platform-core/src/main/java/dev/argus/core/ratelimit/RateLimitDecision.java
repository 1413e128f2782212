package dev.argus.core.ratelimit;

import dev.argus.core.server.ApiException;
import io.helidon.http.Status;
import java.util.Map;

/**
 * The outcome of taking one token.
 *
 * @param allowed           whether the request may proceed
 * @param limit             the bucket's capacity (requests per minute)
 * @param remaining         whole tokens left
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds seconds until the next token, when refused
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
                                long retryAfterSeconds) {

    /** The {@code RateLimit-*} headers (IETF draft names) describing this decision. */
    public Map<String, String> headers() {
        return Map.of("RateLimit-Limit", Long.toString(limit), "RateLimit-Remaining", Long.toString(remaining),
                "RateLimit-Reset", Long.toString(resetSeconds));
    }

    /** The 429 to answer when refused. */
    public ApiException refusal(String message) {
        Map<String, String> headers = new java.util.HashMap<>(headers());
        headers.put("Retry-After", Long.toString(retryAfterSeconds));
        return new ApiException(Status.TOO_MANY_REQUESTS_429, "rate_limited", message,
                Map.of("retry_after_seconds", retryAfterSeconds), headers);
    }
}
