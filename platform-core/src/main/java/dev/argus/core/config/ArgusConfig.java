package dev.argus.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The whole typed configuration. Only {@code main} builds it; features receive their own part.
 *
 * @param server     HTTP listener settings
 * @param database   where the data lives
 * @param plugins    plugin folder and per-extension settings
 * @param init       headless initialisation on first start
 * @param consoleDir a directory holding the built console, or empty to serve it from the class path
 * @param ingest     the group-commit writer's limits
 */
public record ArgusConfig(Server server, Database database, Plugins plugins, Init init, Optional<Path> consoleDir,
                          Ingest ingest) {

    /**
     * @param host           interface to bind
     * @param port           port; 0 picks a free one
     * @param maxBodyBytes   largest accepted request body
     * @param shutdownGrace  how long in-flight requests may run on shutdown
     */
    public record Server(String host, int port, long maxBodyBytes, Duration shutdownGrace) {
    }

    /**
     * @param url      JDBC URL of an external PostgreSQL; empty to run the embedded one
     * @param user     database user
     * @param password database password
     * @param poolSize connection pool size
     * @param dataDir  where the embedded database and other local state live
     */
    public record Database(Optional<String> url, String user, String password, int poolSize, Path dataDir) {
        /** Whether Argus runs its own PostgreSQL. */
        public boolean embedded() {
            return url.isEmpty();
        }
    }

    /**
     * @param dir        the folder PF4J loads plugin jars from
     * @param extensions settings per extension id (e.g. {@code mock → {latency_ms → 10}})
     */
    public record Plugins(Path dir, Map<String, Map<String, String>> extensions) {
    }

    /** {@code ARGUS_INIT_*}: created on start when absent. Every field may be empty. */
    public record Init(Optional<String> adminEmail, Optional<String> adminPassword, Optional<String> project,
                       Optional<String> apiKey) {
    }

    /**
     * {@code ingest.*}: the group-commit writer.
     *
     * @param queueCapacity most calls waiting for the writer; more are refused with 503
     * @param maxBatchCalls most calls per transaction
     * @param maxWait       how long the writer gathers requests after the first
     * @param commitTimeout how long a request waits for its commit before a 503
     */
    public record Ingest(int queueCapacity, int maxBatchCalls, Duration maxWait, Duration commitTimeout) {
    }
}
