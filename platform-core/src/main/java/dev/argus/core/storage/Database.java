package dev.argus.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The pooled connection to PostgreSQL and the jOOQ context over it. Owns the embedded server when
 * there is one, so closing this stops everything in the right order.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final EmbeddedDatabase embedded;

    private Database(HikariDataSource dataSource, EmbeddedDatabase embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES,
                new Settings().withRenderSchema(false).withExecuteLogging(false));
    }

    /** Connects to an external PostgreSQL. */
    public static Database connect(String url, String user, String password, int poolSize) {
        return new Database(pool(url, user, password, poolSize), null);
    }

    /** Connects to an embedded PostgreSQL and takes ownership of it. */
    public static Database connect(EmbeddedDatabase embedded, int poolSize) {
        try {
            return new Database(pool(embedded.jdbcUrl(), "postgres", "", poolSize), embedded);
        } catch (RuntimeException e) {
            embedded.close();
            throw e;
        }
    }

    private static HikariDataSource pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("argus");
        config.setConnectionTimeout(5_000);
        // fail fast at start, but let the pool recover by itself after a database outage
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }

    /** Applies pending Flyway migrations. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** The jOOQ context for typed queries. */
    public DSLContext dsl() {
        return dsl;
    }

    /** The pooled data source. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether Argus runs this database itself. */
    public boolean embedded() {
        return embedded != null;
    }

    /** Where the embedded database keeps its files, or {@code null} for an external one. */
    public java.nio.file.Path embeddedDirectory() {
        return embedded == null ? null : embedded.directory();
    }

    /** A new connection outside the pool, for long-lived sessions such as {@code LISTEN}. */
    public Connection openDedicatedConnection() {
        try {
            return java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), dataSource.getUsername(),
                    dataSource.getPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a connection to " + dataSource.getJdbcUrl(), e);
        }
    }

    /** Round-trips a trivial query, for health checks. */
    public boolean ping() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
