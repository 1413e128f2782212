package dev.argus.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a Docker engine may be reachable, decided without starting anything: {@code DOCKER_HOST}
 * is set, or a Docker socket exists at a usual place. Only then does the kit ask Testcontainers,
 * whose own probing is slow and noisy on machines without Docker.
 */
final class DockerEngine {

    private DockerEngine() {
    }

    static boolean present(Map<String, String> env) {
        if ("false".equalsIgnoreCase(env.getOrDefault("ARGUS_TEST_DOCKER", ""))) {
            return false;
        }
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".docker", "desktop", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
    }
}
