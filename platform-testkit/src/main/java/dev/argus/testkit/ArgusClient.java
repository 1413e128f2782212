package dev.argus.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Talks to the Argus of an {@link ArgusTest} class over HTTP, authenticated with an API key of the
 * test project that has every scope. Besides plain requests it has the steps plugin tests repeat:
 * list plugins, drop a jar into the plugins folder and wait until it is loaded, remove it, run an
 * evaluation and wait for its scores. Waits are bounded (60 s) and fail with what Argus last said.
 */
public final class ArgusClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private final URI baseUri;
    private final String bearer;
    private final String apiKey;
    private final UUID projectId;
    private final Path pluginsDir;
    private final HttpClient http;
    private ArgusClient admin;

    private ArgusClient(URI baseUri, String bearer, String apiKey, UUID projectId, Path pluginsDir, HttpClient http) {
        this.baseUri = baseUri;
        this.bearer = bearer;
        this.apiKey = apiKey;
        this.projectId = projectId;
        this.pluginsDir = pluginsDir;
        this.http = http;
    }

    /** Connects with the API key and looks up the project it belongs to (through the admin's account). */
    static ArgusClient connect(int port, String apiKey, Path pluginsDir, String adminEmail, String adminPassword) {
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ArgusClient anonymous = new ArgusClient(base, null, apiKey, null, pluginsDir, http);
        String token = anonymous.post("/api/v1/auth/login", Map.of("email", adminEmail, "password", adminPassword))
                .ok().path("access_token").asText();
        ArgusClient signedIn = new ArgusClient(base, token, apiKey, null, pluginsDir, http);
        UUID project = null;
        for (JsonNode p : signedIn.get("/api/v1/projects").ok().path("items")) {
            if (StartedArgus.PROJECT.equals(p.path("name").asText())) {
                project = UUID.fromString(p.path("id").asText());
            }
        }
        if (project == null) {
            throw new IllegalStateException("Argus started without the test project " + StartedArgus.PROJECT);
        }
        ArgusClient client = new ArgusClient(base, apiKey, apiKey, project, pluginsDir, http);
        ArgusClient admin = new ArgusClient(base, token, apiKey, project, pluginsDir, http);
        client.admin = admin;
        admin.admin = admin;
        return client;
    }

    /** {@code http://127.0.0.1:<port>}, the root of Argus's API and console. */
    public URI baseUri() {
        return baseUri;
    }

    /** The API key's secret ({@code sk-…}, every scope on {@link #projectId()}), sent as {@code Authorization: Bearer}. */
    public String apiKey() {
        return apiKey;
    }

    /** The id of the test project that the API key belongs to. */
    public UUID projectId() {
        return projectId;
    }

    /** The plugins folder this Argus watches; jars dropped in are loaded, jars removed are unloaded. */
    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * The same client signed in as the test project's owner (an instance admin), for the routes an
     * API key may not call, such as {@code POST /api/v1/plugins/reload} or enabling a plugin.
     */
    public ArgusClient asAdmin() {
        return admin;
    }

    /** {@code GET path}. */
    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    /** {@code POST path} with a JSON body: a {@code String} is sent as it is, anything else as Jackson writes it. */
    public ApiResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    /** {@code PUT path} with a JSON body. */
    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** {@code DELETE path}. */
    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code GET /api/v1/plugins}: every plugin with its state, error and extensions. */
    public List<JsonNode> plugins() {
        return list(get("/api/v1/plugins").ok().path("items"));
    }

    /** The plugin with this id (for a jar Argus could not read: the jar's file name), if listed. */
    public Optional<JsonNode> plugin(String pluginId) {
        return plugins().stream().filter(p -> pluginId.equals(p.path("id").asText())).findFirst();
    }

    /**
     * The extension of this kind ({@code provider}, {@code evaluator}, {@code exporter},
     * {@code alert_channel}) and id, with its state ({@code active}, {@code misconfigured},
     * {@code suspended}), problem and call counts, if any loaded plugin has it.
     */
    public Optional<JsonNode> extension(String kind, String id) {
        for (JsonNode plugin : plugins()) {
            for (JsonNode e : plugin.path("extensions")) {
                if (kind.equals(e.path("kind").asText()) && id.equals(e.path("id").asText())) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Copies a plugin jar into the plugins folder the way a person would drop it there (written under
     * a temporary name, then renamed, so Argus never sees half a jar) and waits until Argus lists a
     * plugin from that jar in a settled state ({@code started}, {@code failed}, {@code invalid} or
     * {@code disabled}).
     *
     * @return the plugin as {@code GET /api/v1/plugins} lists it
     */
    public JsonNode installPlugin(Path jar) {
        String name = jar.getFileName().toString();
        Path part = pluginsDir.resolve(name + ".part");
        try {
            Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, pluginsDir.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return awaitPlugins("a plugin from " + name, plugins -> plugins.stream()
                .filter(p -> name.equals(p.path("jar").asText()))
                .filter(p -> List.of("started", "failed", "invalid", "disabled").contains(p.path("state").asText()))
                .findFirst());
    }

    /** Deletes the jar of this plugin from the plugins folder and waits until Argus no longer lists it. */
    public void removePlugin(String pluginId) {
        JsonNode plugin = plugin(pluginId).orElseThrow(() -> new AssertionError("no plugin " + pluginId + " is loaded"));
        String jar = plugin.path("jar").asText();
        try {
            Files.deleteIfExists(pluginsDir.resolve(jar));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitPlugins("plugin " + pluginId + " to be unloaded",
                plugins -> plugins.stream().noneMatch(p -> pluginId.equals(p.path("id").asText()))
                        ? Optional.of(JSON.nullNode()) : Optional.empty());
    }

    /**
     * Runs {@code POST /api/v1/evaluations} over the given items and waits until every item is scored
     * or has failed.
     *
     * @param evaluator the evaluator's extension id
     * @param config    per-evaluation settings (validated against the evaluator's schema)
     * @param items     each with {@code output} and optionally {@code input} and {@code reference}
     * @return the finished evaluation as {@code GET /api/v1/evaluations/{id}} shows it, with
     *         {@code status}, {@code aggregate} and one entry per item in {@code items} holding its {@code score}
     */
    public JsonNode evaluate(String evaluator, Map<String, ?> config, List<Map<String, String>> items) {
        JsonNode created = post("/api/v1/evaluations", Map.of("evaluator", evaluator, "config", config, "items", items))
                .ok();
        String path = "/api/v1/evaluations/" + created.path("id").asText();
        return await("evaluation " + created.path("id").asText() + " to finish", () -> {
            JsonNode view = get(path).ok();
            return view.path("status").asText().startsWith("completed") ? Optional.of(view) : Optional.empty();
        });
    }

    /** Waits until {@code check} holds on the plugin list, returning what it found. */
    public JsonNode awaitPlugins(String what, java.util.function.Function<List<JsonNode>, Optional<JsonNode>> check) {
        return await(what, () -> check.apply(plugins()));
    }

    /** Waits until the extension reaches a state matching {@code state}, e.g. {@code "active"::equals}. */
    public JsonNode awaitExtension(String kind, String id, Predicate<String> state) {
        return await(kind + " " + id + " in the expected state",
                () -> extension(kind, id).filter(e -> state.test(e.path("state").asText())));
    }

    private JsonNode await(String what, java.util.function.Supplier<Optional<JsonNode>> probe) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            Optional<JsonNode> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "; plugins now: "
                        + get("/api/v1/plugins").body());
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private ApiResponse send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(WAIT);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(method, path, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
    }

    @Override
    public String toString() {
        return "ArgusClient[" + baseUri + ", project " + projectId + "]";
    }
}
