package dev.argus.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** A PostgreSQL container for the test run; this class is loaded only when a Docker engine may be there. */
final class ContainerPostgres {

    /** The image Argus is tested against; PostgreSQL 15 or newer is required. */
    private static final String IMAGE = "postgres:17-alpine";

    private ContainerPostgres() {
    }

    /**
     * Starts the container (stopped by Testcontainers when the JVM exits).
     *
     * @throws IllegalStateException when Docker does not answer
     */
    static PostgresServer start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("Docker does not answer");
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "container");
    }
}
