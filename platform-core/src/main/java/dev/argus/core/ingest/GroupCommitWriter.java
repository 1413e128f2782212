package dev.argus.core.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: requests put their calls on a bounded queue; one writer thread takes up to
 * {@code maxBatchCalls} calls (or what arrived within {@code maxWait} of the first), stores them in
 * one transaction through the {@link CallStore}, and only then completes each request's future. A
 * request's calls are never split across transactions. When a batch fails for a reason tied to the
 * data, each request in it is retried alone, so one bad request cannot sink the others.
 */
public final class GroupCommitWriter implements CallWriter {

    private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());

    /**
     * @param queueCapacity most calls waiting at once; beyond it requests are refused
     * @param maxBatchCalls most calls per transaction (one larger request still goes alone)
     * @param maxWait       how long the writer waits for more requests after the first
     */
    public record Settings(int queueCapacity, int maxBatchCalls, Duration maxWait) {
        /** Defaults for a server. */
        public static Settings defaults() {
            return new Settings(50_000, 2_000, Duration.ofMillis(2));
        }
    }

    private record Pending(List<PricedCall> calls, CompletableFuture<Set<CallStore.CallKey>> done) {
    }

    private final CallStore store;
    private final Settings settings;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger queuedCalls = new AtomicInteger();
    private final LongAdder committedCalls = new LongAdder();
    private final LongAdder rejectedCalls = new LongAdder();
    private final LongAdder failedCalls = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    public GroupCommitWriter(CallStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
        this.thread = Thread.ofPlatform().name("argus-ingest-writer").daemon(false).unstarted(this::run);
        this.thread.start();
    }

    @Override
    public CompletableFuture<Set<CallStore.CallKey>> submit(List<PricedCall> calls) {
        if (!accepting) {
            return CompletableFuture.failedFuture(new IngestRejectedException(
                    IngestRejectedException.Reason.SHUTTING_DOWN, "the server is shutting down", null));
        }
        int after = queuedCalls.addAndGet(calls.size());
        if (after > settings.queueCapacity() && after != calls.size()) {
            queuedCalls.addAndGet(-calls.size());
            rejectedCalls.add(calls.size());
            return CompletableFuture.failedFuture(new IngestRejectedException(
                    IngestRejectedException.Reason.QUEUE_FULL, "the ingest queue is full", null));
        }
        Pending pending = new Pending(List.copyOf(calls), new CompletableFuture<>());
        queue.add(pending);
        return pending.done();
    }

    /** Calls currently waiting for the writer. */
    public int queuedCalls() {
        return queuedCalls.get();
    }

    /**
     * Counters since start, for monitoring.
     *
     * @param committedCalls calls in batches that committed (duplicates included)
     * @param rejectedCalls  calls refused because the queue was full
     * @param failedCalls    calls whose batch failed to store
     * @param batches        store transactions attempted
     * @param commitSeconds  time spent in store transactions
     * @param queuedCalls    calls waiting now
     */
    public record Stats(long committedCalls, long rejectedCalls, long failedCalls, long batches, double commitSeconds,
                        int queuedCalls) {
    }

    /** The writer's counters now. */
    public Stats stats() {
        return new Stats(committedCalls.sum(), rejectedCalls.sum(), failedCalls.sum(), batches.sum(),
                commitNanos.sum() / 1e9, queuedCalls.get());
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                int calls = first.calls().size();
                long deadline = System.nanoTime() + settings.maxWait().toNanos();
                while (calls < settings.maxBatchCalls()) {
                    Pending next = queue.peek();
                    if (next != null && calls + next.calls().size() > settings.maxBatchCalls()) {
                        break;
                    }
                    long left = deadline - System.nanoTime();
                    next = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                    calls += next.calls().size();
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "ingest writer loop failed; continuing", e);
            }
        }
        failRemaining();
    }

    private void write(List<Pending> batch) {
        List<PricedCall> all = new ArrayList<>();
        for (Pending p : batch) {
            all.addAll(p.calls());
        }
        long started = System.nanoTime();
        batches.increment();
        try {
            Set<CallStore.CallKey> stored = store.write(all);
            commitNanos.add(System.nanoTime() - started);
            committedCalls.add(all.size());
            release(all.size());
            for (Pending p : batch) {
                p.done().complete(stored);
            }
        } catch (CallStoreException e) {
            if (e.dataRejected() && batch.size() > 1) {
                LOG.log(System.Logger.Level.WARNING, "A batch of {0} requests was refused; retrying each alone",
                        batch.size());
                for (Pending p : batch) {
                    write(List.of(p));
                }
                return;
            }
            release(all.size());
            failedCalls.add(all.size());
            IngestRejectedException.Reason reason = e.dataRejected() ? IngestRejectedException.Reason.DATA_REJECTED
                    : IngestRejectedException.Reason.STORE_UNAVAILABLE;
            LOG.log(System.Logger.Level.WARNING, "Storing " + all.size() + " call(s) failed: " + e.getMessage());
            for (Pending p : batch) {
                p.done().completeExceptionally(new IngestRejectedException(reason, e.getMessage(), e));
            }
        } catch (RuntimeException e) {
            release(all.size());
            failedCalls.add(all.size());
            for (Pending p : batch) {
                p.done().completeExceptionally(new IngestRejectedException(
                        IngestRejectedException.Reason.STORE_UNAVAILABLE, e.getMessage(), e));
            }
        }
    }

    private void release(int calls) {
        queuedCalls.addAndGet(-calls);
    }

    private void failRemaining() {
        Pending p;
        while ((p = queue.poll()) != null) {
            release(p.calls().size());
            p.done().completeExceptionally(new IngestRejectedException(IngestRejectedException.Reason.SHUTTING_DOWN,
                    "the server stopped before storing these calls", null));
        }
    }

    @Override
    public void close() {
        accepting = false;
        running = false;
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
