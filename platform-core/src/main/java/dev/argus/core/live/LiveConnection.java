package dev.argus.core.live;

import java.util.logging.Level;
import java.util.logging.Logger;

/** One live-feed client: its filter, its single pending merged delta, and its in-flight send. */
final class LiveConnection {

    private static final Logger LOG = Logger.getLogger(LiveConnection.class.getName());

    private final Subscription subscription;
    private final LiveHub.Sink sink;
    private LiveDelta pending;
    private long lastPush;
    private long sendingSince;

    LiveConnection(Subscription subscription, LiveHub.Sink sink) {
        this.subscription = subscription;
        this.sink = sink;
    }

    LiveHub.Sink sink() {
        return sink;
    }

    synchronized void offer(LiveDelta delta) {
        if (subscription.matches(delta)) {
            pending = pending == null ? delta : pending.merge(delta);
        }
    }

    synchronized long stuckSince(long now) {
        return sendingSince == 0 ? 0 : now - sendingSince;
    }

    void pushIfDue(long now, long interval) {
        LiveDelta toSend;
        synchronized (this) {
            if (pending == null || sendingSince != 0 || now - lastPush < interval) {
                return;
            }
            toSend = pending;
            pending = null;
            sendingSince = now;
            lastPush = now;
        }
        Thread.ofVirtual().name("argus-live-send").start(() -> {
            try {
                sink.send(LiveMessages.delta(toSend));
            } catch (Exception e) {
                LOG.log(Level.FINE, "live-feed send failed; the client will be dropped", e);
                sink.terminate();
            } finally {
                synchronized (this) {
                    sendingSince = 0;
                }
            }
        });
    }
}
