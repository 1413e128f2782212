package dev.argus.core;

import dev.argus.core.auth.ApiKeyAuthenticator;
import dev.argus.core.auth.Authenticator;
import dev.argus.core.auth.HeadlessInit;
import dev.argus.core.auth.PasswordHasher;
import dev.argus.core.config.ArgusConfig;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.PluginsService;
import dev.argus.core.server.ArgusServer;
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

    private Argus(Database database, PluginHost plugins, WebServer server, RouteTable routes) {
        this.database = database;
        this.plugins = plugins;
        this.server = server;
        this.routes = routes;
    }

    /** Opens (or starts) the database, migrates it, loads plugins and starts serving. */
    public static Argus start(ArgusConfig config) {
        Database database = openDatabase(config.database());
        PluginHost plugins = null;
        try {
            database.migrate();
            new HeadlessInit(database.dsl(), new PasswordHasher()).apply(config.init());
            plugins = new PluginHost(config.plugins().dir(), config.plugins().extensions(), Clock.systemUTC());
            plugins.start();
            RouteTable routes = new RouteTable();
            Authenticator authenticator = new ApiKeyAuthenticator(database.dsl());
            WebServer server = ArgusServer.start(config.server(), mounts(config, database, plugins), authenticator,
                    routes);
            return new Argus(database, plugins, server, routes);
        } catch (RuntimeException e) {
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
    private static List<Mount> mounts(ArgusConfig config, Database database, PluginHost plugins) {
        List<Mount> mounts = new ArrayList<>();
        mounts.add(Mount.plain("/health", new HealthService(database, plugins)));
        mounts.add(Mount.plain("/openapi", new OpenApiService()));
        mounts.add(Mount.api("/api/v1/plugins", new PluginsService(plugins)));
        mounts.add(Mount.api("/api/v1/stats", new StatsService()));
        mounts.add(Mount.api("/api/v1/prompts", prompts(database)));
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

    /** The plugin host. */
    public PluginHost plugins() {
        return plugins;
    }

    /** Drains in-flight requests, then unloads plugins and closes (or stops) the database. */
    @Override
    public void close() {
        server.stop();
        plugins.close();
        database.close();
    }
}
