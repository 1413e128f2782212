package dev.argus.core.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Argus in a child JVM ({@code ArgusCli start} on the test class path), so a test can kill it with
 * SIGKILL — no shutdown hook, no drain — as a crash or a lost machine would.
 */
public final class ChildArgus implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path log;

    private ChildArgus(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * Starts Argus on a free loopback port over {@code db} and waits until {@code /health} answers 200.
     *
     * @param workDir where the process runs and writes {@code argus.log}
     * @param env     further {@code ARGUS_*} settings
     */
    public static ChildArgus start(TestDatabases.TestDatabase db, Path plugins, Path workDir, Map<String, String> env)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = workDir.resolve("argus-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.argus.core.cli.ArgusCli", "start").directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> all = new HashMap<>(Map.of("ARGUS_DATABASE_URL", db.url(), "ARGUS_DATABASE_USER", db.user(),
                "ARGUS_DATABASE_PASSWORD", db.password(), "ARGUS_PLUGINS_DIR", plugins.toString(),
                "ARGUS_SERVER_HOST", "127.0.0.1", "ARGUS_SERVER_PORT", Integer.toString(port),
                "ARGUS_DATABASE_POOL_SIZE", "4", "ARGUS_DATA_DIR", workDir.resolve("data-" + port).toString()));
        all.putAll(env);
        builder.environment().putAll(all);
        ChildArgus child = new ChildArgus(builder.start(), URI.create("http://127.0.0.1:" + port), log);
        child.awaitHealthy();
        return child;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    /** Where the process writes its output. */
    public Path log() {
        return log;
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private void awaitHealthy() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Argus exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Argus did not become healthy; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
