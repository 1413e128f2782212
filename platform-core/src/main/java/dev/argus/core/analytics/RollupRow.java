package dev.argus.core.analytics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One minute of one provider, model and prompt version, as stored in {@code call_rollup_minute}.
 *
 * @param minute           start of the minute
 * @param provider         provider
 * @param model            model
 * @param promptName       prompt name, or {@code null}
 * @param promptVersion    prompt version, or {@code null}
 * @param calls            calls
 * @param successCalls     successful calls
 * @param errorCalls       failed calls
 * @param errorsByCategory failed calls per error category
 * @param inputTokens      input tokens
 * @param outputTokens     output tokens
 * @param costUsd          cost of the priced calls
 * @param latencySumMs     latency sum
 * @param latencyHistogram counts per {@link dev.argus.core.ingest.LatencyHistogram} bucket
 */
public record RollupRow(Instant minute, String provider, String model, String promptName, Integer promptVersion,
                        long calls, long successCalls, long errorCalls, Map<String, Long> errorsByCategory,
                        long inputTokens, long outputTokens, BigDecimal costUsd, long latencySumMs,
                        long[] latencyHistogram) {
}
