package dev.argus.core;

import dev.argus.core.auth.ApiKeyAuthenticator;
import dev.argus.core.auth.Authenticator;
import dev.argus.core.auth.HeadlessInit;
import dev.argus.core.auth.PasswordHasher;
import dev.argus.core.calls.CallsService;
import dev.argus.core.calls.PostgresCallQueries;
import dev.argus.core.config.ArgusConfig;
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
import dev.argus.core.server.ArgusServer.Mount;
import dev.argus.core.server.ConsoleService;
import dev.argus.core.server.HealthService;
import dev.argus.core.server.RouteTable;
import dev.argus.core.storage.Database;
import dev.argus.core.storage.EmbeddedDatabase;
import io.helidon.webserver.WebServer;
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
    private final WebServer server;
    private final RouteTable routes;
    private final Tracking tracking;

    private Argus(Database database, PluginHost plugins, WebServer server, RouteTable routes, Tracking tracking) {
        this.database = database;
        this.plugins = plugins;
        this.server = server;
        this.routes = routes;
        this.tracking = tracking;
    }

    /** Call tracking: partition upkeep, prices, the group-commit writer and the ingest pipeline over it. */
    private record Tracking(PartitionMaintenance partitions, PriceBook prices, GroupCommitWriter writer,
                            IngestPipeline pipeline) implements AutoCloseable {
        static Tracking start(ArgusConfig.Ingest config, Database database) {
            PartitionMaintenance partitions = new PartitionMaintenance(database.dsl(), Clock.systemUTC())
                    .start(Duration.ofHours(1));
            PriceBook prices = new PriceBook(database.dsl(), BundledPrices.load());
            GroupCommitWriter writer = new GroupCommitWriter(new PostgresCallStore(database.dsl()),
                    new GroupCommitWriter.Settings(config.queueCapacity(), config.maxBatchCalls(), config.maxWait()));
            return new Tracking(partitions, prices, writer,
                    new IngestPipeline(new CostCalculator(prices), writer, config.commitTimeout()));
        }

        @Override
        public void close() {
            writer.close();
            partitions.close();
        }
    }

    /** Opens (or starts) the database, migrates it, loads plugins and starts serving. */
    public static Argus start(ArgusConfig config) {
        Database database = openDatabase(config.database());
        PluginHost plugins = null;
        Tracking tracking = null;
        try {
            database.migrate();
            new HeadlessInit(database.dsl(), new PasswordHasher()).apply(config.init());
            plugins = new PluginHost(config.plugins().dir(), config.plugins().extensions(), Clock.systemUTC());
            plugins.start();
            tracking = Tracking.start(config.ingest(), database);
            RouteTable routes = new RouteTable();
            Authenticator authenticator = new ApiKeyAuthenticator(database.dsl());
            WebServer server = ArgusServer.start(config.server(), mounts(config, database, plugins, tracking),
                    authenticator, routes);
            return new Argus(database, plugins, server, routes, tracking);
        } catch (RuntimeException e) {
            if (tracking != null) {
                tracking.close();
            }
            if (plugins != null) {
                plugins.close();
            }
            database.close();
            throw e;
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
    private static List<Mount> mounts(ArgusConfig config, Database database, PluginHost plugins, Tracking tracking) {
        List<Mount> mounts = new ArrayList<>();
        mounts.add(Mount.plain("/health", new HealthService(database, plugins)));
        mounts.add(Mount.api("/api/v1/plugins", new PluginsService(plugins)));
        mounts.add(Mount.api("/api/v1/ingest", new IngestService(tracking.pipeline())));
        mounts.add(Mount.api("/api/v1/prices", new PricesService(tracking.prices())));
        mounts.add(Mount.api("/api/v1/calls", new CallsService(new PostgresCallQueries(database.dsl()), plugins)));
        mounts.add(Mount.plain("/", new ConsoleService(config.consoleDir())));
        return mounts;
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

    /** The plugin host. */
    public PluginHost plugins() {
        return plugins;
    }

    /** The ingest pipeline every source of calls (REST, demo, provider calls) goes through. */
    public IngestPipeline ingest() {
        return tracking.pipeline();
    }

    /**
     * Drains in-flight requests, commits queued calls, then unloads plugins and closes (or stops) the
     * database.
     */
    @Override
    public void close() {
        server.stop();
        tracking.close();
        plugins.close();
        database.close();
    }
}
