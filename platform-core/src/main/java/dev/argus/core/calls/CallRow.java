package dev.argus.core.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One stored call as the query side returns it. In list pages the payloads are {@code null} and the
 * texts are cut to a preview; a single call carries everything.
 */
public record CallRow(UUID id, String provider, String model, String status, String errorCategory,
                      String errorMessage, Integer errorHttpStatus, Instant startedAt, Instant endedAt,
                      Instant receivedAt, long latencyMs, Long timeToFirstTokenMs, long inputTokens,
                      long outputTokens, long cacheReadInputTokens, long cacheWriteInputTokens,
                      long reasoningTokens, BigDecimal costUsd, boolean priceMissing, String userId,
                      String sessionId, String traceId, String spanId, String parentSpanId, String promptName,
                      Integer promptVersion, List<String> tags, String metadataJson, String requestJson,
                      String responseJson, String rateLimitJson, String inputText, String outputText) {
}
