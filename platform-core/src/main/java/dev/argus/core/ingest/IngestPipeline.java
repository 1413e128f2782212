package dev.argus.core.ingest;

import dev.argus.core.ingest.pricing.CostCalculator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way calls enter Argus (REST ingest, demo traffic, provider calls): price each call, hand
 * the request's calls to the group-commit writer and wait for the commit.
 */
public final class IngestPipeline {

    /**
     * What was stored.
     *
     * @param ids            the calls' ids, in request order
     * @param duplicates     how many of them were already stored (by an earlier request or earlier in this one)
     * @param unpricedModels {@code provider/model} of calls stored with cost {@code null}
     */
    public record Receipt(List<UUID> ids, int duplicates, List<String> unpricedModels) {
    }

    private final CostCalculator costs;
    private final CallWriter writer;
    private final Duration commitTimeout;

    /**
     * @param commitTimeout how long a request waits for its commit before answering 503
     */
    public IngestPipeline(CostCalculator costs, CallWriter writer, Duration commitTimeout) {
        this.costs = costs;
        this.writer = writer;
        this.commitTimeout = commitTimeout;
    }

    /**
     * Prices and stores the calls of one request; returns after the commit.
     *
     * @throws IngestRejectedException when nothing was stored
     */
    public Receipt ingest(UUID projectId, List<NewCall> calls) {
        List<PricedCall> priced = new ArrayList<>(calls.size());
        Set<String> unpriced = new LinkedHashSet<>();
        for (NewCall call : calls) {
            PricedCall p = costs.price(projectId, call);
            if (p.priceMissing()) {
                unpriced.add(call.provider() + "/" + call.model());
            }
            priced.add(p);
        }
        Set<CallStore.CallKey> stored;
        try {
            stored = writer.submit(priced).get(commitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IngestRejectedException rejected) {
                throw rejected;
            }
            throw new IngestRejectedException(IngestRejectedException.Reason.STORE_UNAVAILABLE,
                    String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new IngestRejectedException(IngestRejectedException.Reason.STORE_UNAVAILABLE,
                    "no commit within " + commitTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestRejectedException(IngestRejectedException.Reason.SHUTTING_DOWN, "interrupted", e);
        }
        List<UUID> ids = new ArrayList<>(calls.size());
        Set<UUID> counted = new java.util.HashSet<>();
        int duplicates = 0;
        for (NewCall call : calls) {
            ids.add(call.id());
            if (!stored.contains(new CallStore.CallKey(projectId, call.id())) || !counted.add(call.id())) {
                duplicates++;
            }
        }
        return new Receipt(ids, duplicates, List.copyOf(unpriced));
    }
}
