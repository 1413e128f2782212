package dev.argus.core.testing;

import dev.argus.core.Argus;
import dev.argus.core.config.ArgusConfig;
import dev.argus.core.config.ConfigLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A real Argus on a free loopback port over a fresh test database, with an HTTP client for it. */
public final class RunningArgus implements AutoCloseable {

    private final Argus argus;
    private final HttpClient client = HttpClient.newHttpClient();
    private final TestDatabases.TestDatabase database;

    private RunningArgus(Argus argus, TestDatabases.TestDatabase database) {
        this.argus = argus;
        this.database = database;
    }

    /**
     * Starts Argus.
     *
     * @param pluginsDir the plugins folder
     * @param env        extra {@code ARGUS_*} settings
     */
    public static RunningArgus start(Path pluginsDir, Map<String, String> env) {
        return startOn(TestDatabases.create(), pluginsDir, env);
    }

    /** Starts another node on an existing test database (two nodes, one database). */
    public static RunningArgus startOn(TestDatabases.TestDatabase db, Path pluginsDir, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        try {
            // key files (JWT signing keys, master key) are created here, never in the working directory
            all.put("ARGUS_DATA_DIR", java.nio.file.Files.createTempDirectory("argus-data").toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        all.putAll(env);
        all.put("ARGUS_DATABASE_URL", db.url());
        all.put("ARGUS_DATABASE_USER", db.user());
        all.put("ARGUS_DATABASE_PASSWORD", db.password());
        all.put("ARGUS_PLUGINS_DIR", pluginsDir.toString());
        all.put("ARGUS_SERVER_HOST", "127.0.0.1");
        all.put("ARGUS_SERVER_PORT", "0");
        all.put("ARGUS_DATABASE_POOL_SIZE", "8");
        ArgusConfig config = ConfigLoader.load(Optional.empty(), all, Map.of());
        return new RunningArgus(Argus.start(config), db);
    }

    public Argus argus() {
        return argus;
    }

    public TestDatabases.TestDatabase database() {
        return database;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + argus.port() + path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        argus.close();
    }
}
