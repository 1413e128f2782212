package dev.argus.core.ingest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Accepts calls for durable storage. The future completes only after the calls are committed, with
 * the keys newly stored (calls already stored before are not in it), or fails with
 * {@link IngestRejectedException}.
 */
public interface CallWriter extends AutoCloseable {

    /** Queues the calls of one request; they are committed together, in one transaction. */
    CompletableFuture<Set<CallStore.CallKey>> submit(List<PricedCall> calls);

    /** Stops accepting calls, commits what is queued, and stops. */
    @Override
    void close();
}
