package dev.argus.testkit;

import dev.argus.core.storage.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server that test databases are created on, chosen once per JVM: the server named
 * by {@code ARGUS_TEST_DATABASE_URL}, else a container when a Docker engine answers, else the
 * embedded PostgreSQL that Argus itself ships.
 *
 * @param url      JDBC URL of a database on the server that may create databases
 * @param user     user name
 * @param password password
 * @param kind     {@code external}, {@code container} or {@code embedded}
 */
record PostgresServer(String url, String user, String password, String kind) {

    private static final System.Logger LOG = System.getLogger(PostgresServer.class.getName());
    private static PostgresServer shared;

    /**
     * A fresh database on the server.
     *
     * @param url      its JDBC URL
     * @param user     user name
     * @param password password
     * @param name     the database's name
     */
    record TestDatabase(String url, String user, String password, String name) {
    }

    /** The server for this test run, started on first use. */
    static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = choose(System.getenv());
            LOG.log(System.Logger.Level.INFO, "Argus test kit databases: {0} PostgreSQL", shared.kind());
        }
        return shared;
    }

    static PostgresServer choose(Map<String, String> env) {
        String external = env.get("ARGUS_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return new PostgresServer(external, env.getOrDefault("ARGUS_TEST_DATABASE_USER", "postgres"),
                    env.getOrDefault("ARGUS_TEST_DATABASE_PASSWORD", ""), "external");
        }
        if (DockerEngine.present(env)) {
            try {
                return ContainerPostgres.start();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.WARNING, "A Docker engine was found but no PostgreSQL container could"
                        + " be started ({0}); using the embedded PostgreSQL", e.toString());
            }
        }
        return embedded();
    }

    private static PostgresServer embedded() {
        try {
            Path dir = Files.createTempDirectory("argus-testkit-pg");
            EmbeddedDatabase database = EmbeddedDatabase.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "argus-testkit-pg-stop"));
            return new PostgresServer(database.jdbcUrl(), "postgres", "", "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates an empty database. */
    TestDatabase createDatabase() {
        String name = "argus_kit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("create database " + name);
        return new TestDatabase(withDatabase(url, name), user, password, name);
    }

    /** Drops a database made by {@link #createDatabase()}, closing what still uses it. */
    void dropDatabase(TestDatabase database) {
        try {
            execute("drop database if exists " + database.name() + " with (force)");
        } catch (IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not drop test database {0}: {1}", database.name(), e.getMessage());
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    /** The same server and parameters with another database name. */
    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) + "/" : url.substring(0, slash + 1);
        return base + database + (query >= 0 ? url.substring(query) : "");
    }
}
