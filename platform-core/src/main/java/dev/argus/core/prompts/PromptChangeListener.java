package dev.argus.core.prompts;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on the {@link PromptChanges#CHANNEL} channel over one dedicated pooled connection (on a
 * virtual thread) and drops changed prompts from this node's cache. After a lost connection it
 * empties the whole cache, since notifications may have been missed, and reconnects. It ends when
 * the pool is closed.
 */
public final class PromptChangeListener {

    private static final System.Logger LOG = System.getLogger(PromptChangeListener.class.getName());

    private final DataSource dataSource;
    private final PromptCache cache;

    private PromptChangeListener(DataSource dataSource, PromptCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    /** Starts listening in the background. */
    public static void start(DataSource dataSource, PromptCache cache) {
        PromptChangeListener listener = new PromptChangeListener(dataSource, cache);
        Thread.ofVirtual().name("prompt-change-listener").start(listener::run);
    }

    private void run() {
        while (!poolClosed()) {
            try (Connection connection = dataSource.getConnection()) {
                DSL.using(connection).execute("listen " + PromptChanges.CHANNEL);
                cache.invalidateAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!poolClosed()) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            handle(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | org.jooq.exception.DataAccessException e) {
                if (poolClosed()) {
                    return;
                }
                cache.invalidateAll();
                LOG.log(System.Logger.Level.WARNING, "Prompt change listener lost its connection; retrying", e);
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void handle(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0) {
            return;
        }
        try {
            cache.invalidate(UUID.fromString(payload.substring(0, space)), payload.substring(space + 1));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring malformed prompt change notification {0}", payload);
        }
    }

    private boolean poolClosed() {
        return dataSource instanceof HikariDataSource hikari && hikari.isClosed();
    }
}
