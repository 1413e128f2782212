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
 * @param security   keys, token lifetimes, rate limits and web hygiene
 * @param ingest     the group-commit writer's limits
 * @param alerts     how often alert rules are evaluated and how deliveries are retried
 * @param proxy      the provider proxy's upstreams
 */
public record ArgusConfig(Server server, Database database, Plugins plugins, Init init, Optional<Path> consoleDir,
                          Security security, Ingest ingest, Alerts alerts, Proxy proxy) {

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
     * @param jwtKeys                 {@code kid:base64,kid:base64…} (first signs, all verify), or empty to use
     *                                the key file {@code <data_dir>/jwt-keys} created on first start
     * @param masterKey               base64 of 32 bytes encrypting secrets at rest, or empty to use the key
     *                                file {@code <data_dir>/master.key} created on first start
     * @param accessTokenTtl          lifetime of a JWT access token
     * @param refreshTokenTtl         lifetime of a refresh token
     * @param rateLimitPerMinute      requests per minute per API key and per user (token bucket)
     * @param loginAttemptsPerMinute  sign-in attempts per minute per e-mail address (four times that per IP)
     * @param corsOrigins             origins allowed to call the API from a browser
     * @param trustProxy              whether {@code X-Forwarded-For} names the client (behind a reverse proxy)
     */
    public record Security(Optional<String> jwtKeys, Optional<String> masterKey, Duration accessTokenTtl,
                           Duration refreshTokenTtl, int rateLimitPerMinute, int loginAttemptsPerMinute,
                           java.util.List<String> corsOrigins, boolean trustProxy) {
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

    /**
     * @param evaluationInterval how often the cluster evaluates alert rules (one node per round)
     * @param retryBackoff       the wait before the first retry of a failed delivery, doubled per attempt
     * @param maxAttempts        delivery attempts per event and channel before giving up
     */
    public record Alerts(Duration evaluationInterval, Duration retryBackoff, int maxAttempts) {
    }

    /**
     * {@code proxy.*}: where the provider proxy forwards, as base URLs without a trailing slash.
     *
     * @param openaiUpstream    e.g. {@code https://api.openai.com}; requests go to {@code <base>/v1/…}
     * @param anthropicUpstream e.g. {@code https://api.anthropic.com}; requests go to {@code <base>/v1/…}
     * @param ollamaUpstream    e.g. {@code http://127.0.0.1:11434}; requests go to {@code <base>/api/…}
     */
    public record Proxy(String openaiUpstream, String anthropicUpstream, String ollamaUpstream) {
    }
}
