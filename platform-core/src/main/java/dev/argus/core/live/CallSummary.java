package dev.argus.core.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A new call as the live feed shows it.
 *
 * @param id        call id
 * @param provider  provider id
 * @param model     model name
 * @param status    success, error or cancelled
 * @param latencyMs latency in milliseconds
 * @param costUsd   cost, or {@code null} when unknown
 * @param startedAt when the call started
 */
public record CallSummary(UUID id, String provider, String model, String status, long latencyMs, BigDecimal costUsd,
                          Instant startedAt) {
}
