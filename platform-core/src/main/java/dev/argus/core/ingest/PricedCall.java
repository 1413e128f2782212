package dev.argus.core.ingest;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A call with its project and its cost, as the writer stores it.
 *
 * @param projectId    the owning project
 * @param call         the validated call
 * @param costUsd      the cost, or {@code null} when the model has no price
 * @param priceMissing whether the model had no price
 */
public record PricedCall(UUID projectId, NewCall call, BigDecimal costUsd, boolean priceMissing) {
}
