package dev.argus.core;

import dev.argus.core.alerts.Alerts;
import dev.argus.core.auth.ApiKeyAuthenticator;
import dev.argus.core.auth.Caller;
import dev.argus.core.analytics.AnalyticsService;
import dev.argus.core.analytics.CostQueries;
import dev.argus.core.analytics.MetricsService;
import dev.argus.core.analytics.PrometheusService;
import dev.argus.core.analytics.RateLimitHeadroom;
import dev.argus.core.analytics.RollupReader;
import dev.argus.core.apikeys.ApiKeysService;
import dev.argus.core.audit.AuditService;
import dev.argus.core.auth.AuthService;
import dev.argus.core.auth.HeadlessInit;
import dev.argus.core.live.LiveFeed;
import dev.argus.core.live.LiveFeedSocket;
import dev.argus.core.live.LiveIngestListener;
import dev.argus.core.llm.LlmRequestService;
import dev.argus.core.auth.PasswordHasher;
import dev.argus.core.datasets.DatasetStore;
import dev.argus.core.datasets.DatasetsService;
import dev.argus.core.evaluation.EvaluationEngine;
import dev.argus.core.auth.Security;
import dev.argus.core.projects.InvitationsService;
import dev.argus.core.projects.ProjectsService;
import dev.argus.core.secrets.SecretStore;
import dev.argus.core.secrets.SecretsService;
import dev.argus.core.users.UsersService;
import dev.argus.core.config.ArgusConfig;
import dev.argus.core.plugins.PluginFolderWatcher;
import dev.argus.core.retention.DataLifecycleService;
import dev.argus.core.retention.RetentionJob;
import dev.argus.core.calls.CallGroupsService;
import dev.argus.core.calls.CallsService;
import dev.argus.core.calls.PostgresCallQueries;
import dev.argus.core.gateway.CallLog;
import dev.argus.core.gateway.ProxyService;
import dev.argus.core.ingest.GroupCommitWriter;
import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.ingest.IngestService;
import dev.argus.core.ingest.PartitionMaintenance;
import dev.argus.core.ingest.PostgresCallStore;
import dev.argus.core.ingest.pricing.BundledPrices;
import dev.argus.core.ingest.pricing.CostCalculator;
import dev.argus.core.ingest.pricing.PriceBook;
import dev.argus.core.ingest.pricing.PricesService;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.PluginsService;
import dev.argus.core.server.ArgusServer;
import dev.argus.core.otlp.OtlpTraceService;
import dev.argus.core.server.ArgusServer.Mount;
import dev.argus.core.server.ConsoleService;
import dev.argus.core.server.HealthService;
import dev.argus.core.server.OpenApiService;
import dev.argus.core.server.RouteTable;
import dev.argus.core.storage.Database;
import dev.argus.core.prompts.PromptCache;
import dev.argus.core.prompts.PromptChangeListener;
import dev.argus.core.prompts.PromptChanges;
import dev.argus.core.prompts.PromptStore;
import dev.argus.core.prompts.PromptsService;
import dev.argus.core.stats.StatsService;
import dev.argus.core.storage.EmbeddedDatabase;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One running Argus: database, plugins and web server, started in that order and stopped in reverse.
 * The command line and the tests both start Argus through {@link #start(ArgusConfig)}.
 */
public final class Argus implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Argus.class.getName());

    private final Database database;
    private final PluginHost plugins;
    private final PluginFolderWatcher watcher;
    private final WebServer server;
    private final RouteTable routes;
    private final LiveFeed live;
    private final Security security;
    private final Tracking tracking;
    private final Alerts alerts;
    private final EvaluationEngine evaluations;

    private Argus(Database database, PluginHost plugins, PluginFolderWatcher watcher, WebServer server,
                  RouteTable routes, LiveFeed live, Security security, Tracking tracking, Alerts alerts,
                  EvaluationEngine evaluations) {
        this.alerts = alerts;
        this.evaluations = evaluations;
        this.database = database;
        this.plugins = plugins;
        this.watcher = watcher;
        this.server = server;
        this.routes = routes;
        this.live = live;
        this.security = security;
        this.tracking = tracking;
    }

    /** Call tracking: partition upkeep, prices, the group-commit writer and the ingest pipeline over it. */
    private record Tracking(PartitionMaintenance partitions, PriceBook prices, GroupCommitWriter writer,
                            IngestPipeline pipeline, RetentionJob retention, CallLog callLog) implements AutoCloseable {
        static Tracking start(ArgusConfig.Ingest config, Database database, LiveFeed live) {
            PartitionMaintenance partitions = new PartitionMaintenance(database.dsl(), Clock.systemUTC())
                    .start(Duration.ofHours(1));
            PriceBook prices = new PriceBook(database.dsl(), BundledPrices.load());
            GroupCommitWriter writer = new GroupCommitWriter(new PostgresCallStore(database.dsl(), new LiveIngestListener(live)),
                    new GroupCommitWriter.Settings(config.queueCapacity(), config.maxBatchCalls(), config.maxWait()));
            IngestPipeline pipeline = new IngestPipeline(new CostCalculator(prices), writer, config.commitTimeout());
            return new Tracking(partitions, prices, writer, pipeline,
                    new RetentionJob(database.dsl(), Clock.systemUTC()).start(Duration.ofHours(1)),
                    new CallLog(pipeline, config.queueCapacity()));
        }

        @Override
        public void close() {
            retention.close();
            callLog.close();
            writer.close();
            partitions.close();
        }
    }

    /** Opens (or starts) the database, migrates it, loads plugins and starts serving. */
    public static Argus start(ArgusConfig config) {
        Database database = openDatabase(config.database());
        PluginHost plugins = null;
        LiveFeed live = null;
        PluginFolderWatcher watcher = null;
        Tracking tracking = null;
        Alerts alerts = null;
        EvaluationEngine evaluations = null;
        try {
            database.migrate();
            PasswordHasher passwords = new PasswordHasher();
            new HeadlessInit(database.dsl(), passwords).apply(config.init());
            Security security = Security.create(config, database.dsl(), passwords);
            plugins = new PluginHost(config.plugins().dir(), config.plugins().extensions(), Clock.systemUTC());
            plugins.start();
            watcher = new PluginFolderWatcher(config.plugins().dir(), plugins);
            live = new LiveFeed(database::openDedicatedConnection);
            tracking = Tracking.start(config.ingest(), database, live);
            evaluations = EvaluationEngine.start(database.dsl(), plugins, security.secrets(), tracking.pipeline());
            alerts = Alerts.start(config.alerts(), database.dsl(), security.secrets(), plugins);
            RouteTable routes = new RouteTable();
            ApiKeyAuthenticator apiKeys = new ApiKeyAuthenticator(database.dsl());
            LiveFeed feed = live;
            WsRouting.Builder sockets = WsRouting.builder().endpoint("/ws/metrics",
                    () -> new LiveFeedSocket(feed.hub(), (token, project) -> token.startsWith("sk-") || token.startsWith("pk-")
                            ? apiKeys.authenticateToken(token).map(Caller::projectId)
                            : security.projectForAccessToken(token, project)));
            WebServer server = ArgusServer.start(config.server(), config.security(),
                    mounts(config, database, plugins, security, tracking, alerts, evaluations),
                    security.authenticator(), routes, sockets);
            return new Argus(database, plugins, watcher, server, routes, live, security, tracking, alerts, evaluations);
        } catch (RuntimeException | IOException e) {
            closeQuietly(alerts);
            closeQuietly(evaluations);
            if (tracking != null) {
                tracking.close();
            }
            closeQuietly(watcher);
            if (live != null) {
                live.close();
            }
            if (plugins != null) {
                plugins.close();
            }
            database.close();
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "Closing " + closeable + " failed", e);
            }
        }
    }

    /** Opens the configured database; with no URL, starts the embedded one. */
    public static Database openDatabase(ArgusConfig.Database config) {
        if (config.embedded()) {
            EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDir());
            LOG.log(System.Logger.Level.INFO, "Embedded PostgreSQL keeps its data in {0}", embedded.directory());
            return Database.connect(embedded, config.poolSize());
        }
        return Database.connect(config.url().orElseThrow(), config.user(), config.password(), config.poolSize());
    }

    /** Every feature's routes, in mount order. Tests reuse this wiring through {@link #start}. */
    private static List<Mount> mounts(ArgusConfig config, Database database, PluginHost plugins, Security security,
                                      Tracking tracking, Alerts alerts, EvaluationEngine evaluations) {
        List<Mount> mounts = new ArrayList<>();
        var dsl = database.dsl();
        mounts.add(Mount.plain("/health", new HealthService(database, plugins)));
        mounts.add(Mount.plain("/openapi", new OpenApiService()));
        mounts.add(Mount.api("/api/v1/plugins", new PluginsService(plugins)));
        mounts.add(Mount.api("/api/v1/auth", new AuthService(dsl, security.passwords(), security.sessions(),
                config.security().loginAttemptsPerMinute())));
        mounts.add(Mount.api("/api/v1/projects", new ProjectsService(dsl)));
        mounts.add(Mount.api("/api/v1/invitations", new InvitationsService(dsl, security.passwords())));
        mounts.add(Mount.api("/api/v1/users", new UsersService(dsl, security.passwords())));
        mounts.add(Mount.api("/api/v1/api-keys", new ApiKeysService(dsl)));
        mounts.add(Mount.api("/api/v1/secrets", new SecretsService(dsl, security.secrets())));
        mounts.add(Mount.api("/api/v1/audit", new AuditService(dsl)));
        mounts.add(Mount.api("/api/v1/stats", new StatsService()));
        mounts.add(Mount.api("/api/v1/prompts", prompts(database)));
        mounts.add(Mount.api("/api/v1/ingest", new IngestService(tracking.pipeline())));
        mounts.add(Mount.api("/api/v1/prices", new PricesService(tracking.prices())));
        mounts.add(Mount.api("/api/v1/data", new DataLifecycleService(database.dsl())));
        mounts.add(Mount.api("/api/v1/calls", new CallsService(new PostgresCallQueries(database.dsl()), plugins)));
        mounts.add(Mount.api("/api/v1/traces", new CallGroupsService(new PostgresCallQueries(dsl),
                CallGroupsService.Grouping.TRACE)));
        mounts.add(Mount.api("/api/v1/sessions", new CallGroupsService(new PostgresCallQueries(dsl),
                CallGroupsService.Grouping.SESSION)));
        mounts.add(Mount.api("/api/v1/alerts", alerts.service()));
        RollupReader rollups = new RollupReader(dsl);
        RateLimitHeadroom headroom = new RateLimitHeadroom(dsl);
        mounts.add(Mount.api("/api/v1/metrics", new MetricsService(rollups, dsl, Clock.systemUTC())));
        mounts.add(Mount.api("/api/v1/analytics", new AnalyticsService(new CostQueries(dsl), headroom, Clock.systemUTC())));
        mounts.add(Mount.api("/metrics", new PrometheusService(tracking.writer(), plugins, rollups, headroom,
                Clock.systemUTC())));
        ProxyService.all(config.proxy().openaiUpstream(), config.proxy().anthropicUpstream(),
                config.proxy().ollamaUpstream(), tracking.callLog()).forEach((path, proxy) -> mounts.add(Mount.api(path, proxy)));
        mounts.add(Mount.api("/v1/traces", new OtlpTraceService(tracking.pipeline())));
        mounts.add(Mount.api("/api/v1/calls", evaluations.callScoresService()));
        mounts.add(Mount.api("/api/v1/evaluations", evaluations.evaluationsService(plugins)));
        mounts.add(Mount.api("/api/v1/evaluators", evaluations.evaluatorsService(plugins)));
        mounts.add(Mount.api("/api/v1/datasets", new DatasetsService(new DatasetStore(dsl))));
        mounts.add(Mount.api("/api/v1/llm", new LlmRequestService(plugins, security.secrets(),
                new PromptStore(database.dsl()), tracking.pipeline(), dsl)));
        mounts.add(Mount.plain("/", new ConsoleService(config.consoleDir())));
        return mounts;
    }

    /** Prompts with a cache shared by the routes and kept fresh across nodes by LISTEN/NOTIFY. */
    private static PromptsService prompts(Database database) {
        PromptCache cache = new PromptCache(Duration.ofMinutes(1));
        PromptChangeListener.start(database.dataSource(), cache);
        return new PromptsService(new PromptStore(database.dsl()), cache, new PromptChanges(cache, database.dsl()));
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** The database this instance uses. */
    public Database database() {
        return database;
    }

    /** Every API route registered, with its access requirement. */
    public RouteTable routes() {
        return routes;
    }

    /** The live feed (WebSocket fan-out and cross-node bridge). */
    public LiveFeed live() {
        return live;
    }

    /** Credentials of projects, encrypted at rest; features keep provider and channel secrets here. */
    public SecretStore secrets() {
        return security.secrets();
    }

    /** Token, session and authentication services. */
    public Security security() {
        return security;
    }

    /** The plugin host. */
    public PluginHost plugins() {
        return plugins;
    }

    /** Deletes call data past each project's retention (hourly; {@link RetentionJob#runOnce()} on demand). */
    public RetentionJob retention() {
        return tracking.retention();
    }

    /** The ingest pipeline every source of calls (REST, demo, provider calls) goes through. */
    public IngestPipeline ingest() {
        return tracking.pipeline();
    }

    /** The asynchronous log of proxied calls, with its counters. */
    public CallLog callLog() {
        return tracking.callLog();
    }

    /** The evaluation job queue's worker and stores on this node. */
    public EvaluationEngine evaluations() {
        return evaluations;
    }

    /**
     * Drains in-flight requests, commits queued calls, then unloads plugins and closes (or stops) the
     * database.
     */
    @Override
    public void close() {
        server.stop();
        alerts.close();
        // the worker first: judge calls in flight are logged through the ingest pipeline
        evaluations.close();
        tracking.close();
        closeQuietly(watcher);
        live.close();
        plugins.close();
        database.close();
    }
}
