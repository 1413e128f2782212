package dev.argus.core.storage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a database that cannot be reached (retry later) from one that refused a statement (do not). */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /**
     * Whether {@code failure} was caused by the database being unreachable: no connection from the
     * pool in time, a refused or broken connection (SQL state class 08), or a server shutting down
     * or starting (57P0x).
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
