package dev.argus.core.live;

import java.sql.Connection;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The live feed as the ingest path sees it: notify other nodes inside the batch's transaction, and
 * fan out to this node's clients after the commit.
 */
public final class LiveFeed implements AutoCloseable {

    private final LiveHub hub = new LiveHub();
    private final ClusterBridge bridge;

    public LiveFeed(Supplier<Connection> listenConnections) {
        this.bridge = new ClusterBridge(listenConnections, hub);
    }

    /** Inside the writer's transaction: other nodes hear of the delta when it commits. */
    public void notifyInTransaction(DSLContext tx, LiveDelta delta) {
        bridge.notifyInTransaction(tx, delta);
    }

    /** After the commit: this node's clients get the delta with their next push. */
    public void publishCommitted(LiveDelta delta) {
        hub.publishLocal(delta);
    }

    /** The hub WebSocket connections register with. */
    public LiveHub hub() {
        return hub;
    }

    @Override
    public void close() {
        bridge.close();
        hub.close();
    }
}
