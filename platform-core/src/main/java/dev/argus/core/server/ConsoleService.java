package dev.argus.core.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serves the web console at {@code /}: files from the distribution's {@code web/} folder or, when
 * there is none, from the class path. Hashed assets are cached for a year; every other GET that is
 * not an API path gets {@code index.html}, so client-side routes survive a reload. Unknown API paths
 * get a JSON 404.
 */
public final class ConsoleService implements HttpService {

    private static final String CLASSPATH_ROOT = "argus-console";
    private static final Set<String> API_PREFIXES = Set.of("/api/", "/proxy/", "/v1/", "/ws/", "/health", "/metrics",
            "/openapi");

    private final Optional<Path> directory;

    public ConsoleService(Optional<Path> directory) {
        this.directory = directory.filter(Files::isDirectory);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any("/assets/*", (req, res) -> {
            res.header(HeaderNames.CACHE_CONTROL, "public, max-age=31536000, immutable");
            res.next();
        });
        StaticContentService files = directory
                .map(dir -> StaticContentService.builder(dir).welcomeFileName("index.html").build())
                .orElseGet(() -> StaticContentService.builder(CLASSPATH_ROOT).welcomeFileName("index.html").build());
        rules.register("/", files);
        rules.any(this::fallback);
    }

    /** Whether {@code path} belongs to the API or another machine endpoint rather than the console. */
    public static boolean isApiPath(String path) {
        return API_PREFIXES.stream().anyMatch(path::startsWith);
    }

    private void fallback(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        boolean api = isApiPath(path);
        if (!api && req.prologue().method() == Method.GET && !path.startsWith("/assets/")) {
            byte[] index = indexHtml();
            if (index != null) {
                res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
                res.header(HeaderNames.CACHE_CONTROL, "no-cache");
                res.send(index);
                return;
            }
        }
        Json.send(res, Status.NOT_FOUND_404, ErrorBody.of("not_found",
                "no route for " + req.prologue().method().text() + " " + path, Map.of()));
    }

    private byte[] indexHtml() {
        try {
            if (directory.isPresent()) {
                Path index = directory.get().resolve("index.html");
                return Files.exists(index) ? Files.readAllBytes(index) : null;
            }
            try (var in = ConsoleService.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + "/index.html")) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
