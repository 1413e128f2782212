package dev.argus.core.ingest.pricing;

import dev.argus.core.ingest.NewCall;
import dev.argus.core.ingest.PricedCall;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices calls once, at ingest, from the project's price table. A model without a price gets cost
 * {@code null} and the {@code price_missing} flag; it is logged once per model, never guessed.
 */
public final class CostCalculator {

    private static final System.Logger LOG = System.getLogger(CostCalculator.class.getName());

    private final PriceBook prices;
    private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

    public CostCalculator(PriceBook prices) {
        this.prices = prices;
    }

    /** The call with its cost under the project's prices on the call's start day (UTC). */
    public PricedCall price(UUID projectId, NewCall call) {
        Optional<ModelPrice> price = prices.table(projectId).find(call.provider(), call.model(),
                call.startedAt().atOffset(ZoneOffset.UTC).toLocalDate());
        if (price.isEmpty()) {
            String key = call.provider() + "/" + call.model();
            if (reportedUnknown.size() < 10_000 && reportedUnknown.add(key)) {
                LOG.log(System.Logger.Level.WARNING, "No price for model {0}: its calls are stored with cost null "
                        + "(add it with PUT /api/v1/prices)", key);
            }
            return new PricedCall(projectId, call, null, true);
        }
        BigDecimal cost = price.get().cost(call.usage());
        return new PricedCall(projectId, call, cost, false);
    }
}
