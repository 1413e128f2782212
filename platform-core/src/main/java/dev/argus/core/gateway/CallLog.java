package dev.argus.core.gateway;

import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.ingest.NewCall;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs proxied and traced calls off the request path: the proxy answers its client first and hands
 * the call here; at most {@code maxPending} calls wait for their commit, more are dropped and counted
 * (the client's call itself never fails because of the log).
 */
public final class CallLog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CallLog.class.getName());

    /**
     * Counters since start.
     *
     * @param logged  calls committed
     * @param dropped calls not logged because too many were pending
     * @param failed  calls the ingest pipeline refused or could not commit
     */
    public record Counts(long logged, long dropped, long failed) {
    }

    private final IngestPipeline pipeline;
    private final Semaphore pending;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public CallLog(IngestPipeline pipeline, int maxPending) {
        this.pipeline = pipeline;
        this.pending = new Semaphore(maxPending);
    }

    /** Queues the call for its commit; returns at once. */
    public void log(UUID projectId, NewCall call) {
        if (!pending.tryAcquire()) {
            dropped.incrementAndGet();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    pipeline.ingest(projectId, List.of(call));
                    logged.incrementAndGet();
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    LOG.log(System.Logger.Level.WARNING, "proxied call " + call.id() + " not logged: " + e.getMessage());
                } finally {
                    pending.release();
                }
            });
        } catch (RuntimeException e) { // executor closed: shutting down
            pending.release();
            dropped.incrementAndGet();
        }
    }

    /** The counters. */
    public Counts counts() {
        return new Counts(logged.get(), dropped.get(), failed.get());
    }

    /** Waits (at most 10 s) for pending calls to commit. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
