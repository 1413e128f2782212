package dev.argus.core.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The explorer's filters; {@code null} (or empty) means "any".
 *
 * @param from          calls started at or after
 * @param to            calls started before
 * @param provider      provider id
 * @param model         model name
 * @param status        success, error or cancelled
 * @param errorCategory error category wire name
 * @param userId        end user
 * @param sessionId     session
 * @param traceId       trace
 * @param prompt        prompt name
 * @param promptVersion prompt version (with or without a name)
 * @param tags          every one of these tags
 * @param minLatencyMs  latency at least
 * @param maxLatencyMs  latency at most
 * @param minCostUsd    cost at least
 * @param maxCostUsd    cost at most
 * @param query         full-text query (web-search syntax: words, "phrases", -excluded, or)
 * @param ascending     oldest first instead of newest first
 */
public record CallFilter(Instant from, Instant to, String provider, String model, String status,
                         String errorCategory, String userId, String sessionId, String traceId, String prompt,
                         Integer promptVersion, List<String> tags, Long minLatencyMs, Long maxLatencyMs,
                         BigDecimal minCostUsd, BigDecimal maxCostUsd, String query, boolean ascending) {

    /** Copies the tags. */
    public CallFilter {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** No filter, newest first. */
    public static CallFilter none() {
        return new CallFilter(null, null, null, null, null, null, null, null, null, null, null, List.of(), null, null,
                null, null, null, false);
    }
}
