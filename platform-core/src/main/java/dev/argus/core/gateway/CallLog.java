package dev.argus.core.gateway;

import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.ingest.IngestRejectedException;
import dev.argus.core.ingest.NewCall;
import java.time.Duration;
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
 * (the client's call itself never fails because of the log). While the database is unreachable or
 * the queue is full, a call is retried with backoff for up to {@link #RETRY_WINDOW}, so calls proxied
 * during a short outage are logged once it ends.
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

    static final Duration RETRY_WINDOW = Duration.ofMinutes(2);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

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
                    commit(projectId, call);
                } finally {
                    pending.release();
                }
            });
        } catch (RuntimeException e) { // executor closed: shutting down
            pending.release();
            dropped.incrementAndGet();
        }
    }

    private void commit(UUID projectId, NewCall call) {
        long deadline = System.nanoTime() + RETRY_WINDOW.toNanos();
        long backoff = 250;
        while (true) {
            try {
                pipeline.ingest(projectId, List.of(call));
                logged.incrementAndGet();
                return;
            } catch (IngestRejectedException e) {
                boolean retryable = e.reason() == IngestRejectedException.Reason.STORE_UNAVAILABLE
                        || e.reason() == IngestRejectedException.Reason.QUEUE_FULL;
                if (!retryable || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) > deadline
                        || !pause(backoff)) {
                    notLogged(call, e);
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } catch (RuntimeException e) {
                notLogged(call, e);
                return;
            }
        }
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void notLogged(NewCall call, RuntimeException e) {
        failed.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "proxied call " + call.id() + " not logged: " + e.getMessage());
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
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow(); // calls still retrying against an unreachable database
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
