package dev.argus.core.live;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fans committed deltas out to live-feed connections. Deltas are merged per connection and pushed
 * at most every {@link #PUSH_INTERVAL}; a connection holds at most one pending (merged) message, so
 * a slow client costs constant memory, and a client whose send has been stuck longer than
 * {@link #SLOW_CLIENT_LIMIT} is dropped.
 */
public final class LiveHub implements AutoCloseable {

    static final Duration PUSH_INTERVAL = Duration.ofMillis(500);
    static final Duration SLOW_CLIENT_LIMIT = Duration.ofSeconds(5);

    /** Where a connection's messages go (a WebSocket session in production). */
    interface Sink {
        /** Sends one text message; may block. */
        void send(String message) throws Exception;

        /** Drops the connection. */
        void terminate();
    }

    private final Map<Long, LiveConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "argus-live-push");
        t.setDaemon(true);
        return t;
    });

    public LiveHub() {
        ticker.scheduleAtFixedRate(this::flush, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Hands a committed delta to every matching connection on this node. */
    public void publishLocal(LiveDelta delta) {
        for (LiveConnection connection : connections.values()) {
            connection.offer(delta);
        }
    }

    /** Number of open connections. */
    public int connectionCount() {
        return connections.size();
    }

    long register(Subscription subscription, Sink sink) {
        long id = ids.incrementAndGet();
        connections.put(id, new LiveConnection(subscription, sink));
        return id;
    }

    void unregister(long id) {
        connections.remove(id);
    }

    private void flush() {
        long now = System.nanoTime();
        connections.forEach((id, connection) -> {
            if (connection.stuckSince(now) > SLOW_CLIENT_LIMIT.toNanos()) {
                connections.remove(id);
                connection.sink().terminate();
            } else {
                connection.pushIfDue(now, PUSH_INTERVAL.toNanos());
            }
        });
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        connections.values().forEach(c -> c.sink().terminate());
        connections.clear();
    }
}
