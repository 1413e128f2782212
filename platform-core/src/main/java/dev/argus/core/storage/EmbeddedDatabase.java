package dev.argus.core.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Argus's own PostgreSQL, run from binaries shipped in a Maven package, in a data directory it owns.
 * A second start reuses the data. When run as root, the embedded library starts the database in a
 * user namespace, because PostgreSQL refuses to run as root.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /**
     * Starts PostgreSQL on a free loopback port with its files in {@code dataDir/postgres}.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        Path directory = dataDir.resolve("postgres");
        try {
            Files.createDirectories(directory);
            stopLeftoverServer(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // the library tunes for throw-away test databases (-F, synchronous_commit=off);
                    // Argus acknowledges data only after a durable commit, so turn both back on
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .start();
            return new EmbeddedDatabase(postgres, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    /**
     * After a hard kill of a previous Argus, its postmaster may still run on this directory. We stop
     * it so that this process owns the server it talks to (and will stop it on shutdown).
     */
    private static void stopLeftoverServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> leftover = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.getFirst().trim())).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        LOG.log(System.Logger.Level.WARNING,
                "A PostgreSQL (pid {0}) left by an earlier Argus still runs on {1}; stopping it", String.valueOf(process.pid()),
                directory);
        process.destroy(); // SIGTERM: PostgreSQL's smart shutdown, which checkpoints
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the leftover PostgreSQL (pid " + process.pid() + ") did not stop; "
                    + "stop it and start again", e);
        }
    }

    /** The JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The directory holding the database files. */
    public Path directory() {
        return directory;
    }

    /** Stops PostgreSQL cleanly (fast shutdown with checkpoint). */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Stopping the embedded PostgreSQL failed", e);
        }
    }
}
