package dev.argus.core.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.server.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jooq.DSLContext;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Carries live deltas between Argus nodes that share one database, with PostgreSQL
 * {@code LISTEN/NOTIFY}. The writer notifies inside its transaction, so other nodes only ever hear
 * of committed data; this node ignores its own notifications (it fanned them out locally already).
 */
public final class ClusterBridge implements AutoCloseable {

    static final String CHANNEL = "argus_live";
    /** PostgreSQL rejects NOTIFY payloads of 8000 bytes or more. */
    private static final int MAX_PAYLOAD = 7900;
    private static final Logger LOG = Logger.getLogger(ClusterBridge.class.getName());

    private final String nodeId = UUID.randomUUID().toString();
    private final Supplier<Connection> connections;
    private final LiveHub hub;
    private final Thread listener;
    private volatile boolean running = true;

    /**
     * @param connections opens a dedicated connection for {@code LISTEN} (kept open, re-opened on failure)
     * @param hub         where deltas from other nodes go
     */
    public ClusterBridge(Supplier<Connection> connections, LiveHub hub) {
        this.connections = connections;
        this.hub = hub;
        this.listener = Thread.ofPlatform().daemon().name("argus-live-listen").start(this::listen);
    }

    /** Queues a NOTIFY in the caller's transaction; it is delivered when (and only if) that commits. */
    public void notifyInTransaction(DSLContext tx, LiveDelta delta) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        message.put("node", nodeId);
        message.set("delta", Json.MAPPER.valueToTree(delta));
        String payload = message.toString();
        if (payload.length() > MAX_PAYLOAD) {
            // counts matter more than the sample of recent calls: drop the sample
            message.set("delta", Json.MAPPER.valueToTree(new LiveDelta(delta.projectId(), delta.provider(),
                    delta.model(), delta.calls(), delta.errorsByCategory(), delta.costUsd(), delta.inputTokens(),
                    delta.outputTokens(), delta.latencyBuckets(), java.util.List.of())));
            payload = message.toString();
        }
        tx.select(org.jooq.impl.DSL.field("pg_notify({0}, {1})", String.class, CHANNEL, payload)).fetch();
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = connections.get(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                backoff = 500;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        receive(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Live-feed listener lost its database connection; retrying in " + backoff + " ms",
                        e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    private void receive(String payload) {
        try {
            JsonNode message = Json.MAPPER.readTree(payload);
            if (!nodeId.equals(message.path("node").asText())) {
                hub.publishLocal(LiveMessages.decode(message.get("delta")));
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Ignoring an unreadable live-feed notification", e);
        }
    }

    @Override
    public void close() {
        running = false;
        listener.interrupt();
    }
}
