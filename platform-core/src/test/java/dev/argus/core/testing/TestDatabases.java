package dev.argus.core.testing;

import dev.argus.core.storage.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: the server named by {@code ARGUS_TEST_DATABASE_URL} (CI points it at the
 * machine's PostgreSQL 15), or else one embedded PostgreSQL shared by the whole test run. Every
 * caller gets a fresh, empty database on that server.
 */
public final class TestDatabases {

    /**
     * A fresh database.
     *
     * @param url      JDBC URL
     * @param user     user
     * @param password password
     */
    public record TestDatabase(String url, String user, String password) {
    }

    private static String serverUrl;
    private static String user;
    private static String password;

    private TestDatabases() {
    }

    /** Creates a new empty database and returns how to reach it. */
    public static synchronized TestDatabase create() {
        if (serverUrl == null) {
            String external = System.getenv("ARGUS_TEST_DATABASE_URL");
            if (external != null && !external.isBlank()) {
                serverUrl = external;
                user = System.getenv().getOrDefault("ARGUS_TEST_DATABASE_USER", "postgres");
                password = System.getenv().getOrDefault("ARGUS_TEST_DATABASE_PASSWORD", "");
            } else {
                try {
                    Path dir = Files.createTempDirectory("argus-test-pg");
                    EmbeddedDatabase embedded = EmbeddedDatabase.start(dir);
                    Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
                    serverUrl = embedded.jdbcUrl();
                    user = "postgres";
                    password = "";
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        String name = "argus_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + serverUrl, e);
        }
        return new TestDatabase(withDatabase(serverUrl, name), user, password);
    }

    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String base = url.substring(0, slash + 1);
        return base + database + (query >= 0 ? url.substring(query) : "");
    }
}
