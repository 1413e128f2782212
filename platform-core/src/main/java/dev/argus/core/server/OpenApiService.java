package dev.argus.core.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi}: the maintained OpenAPI 3.1 document, as YAML or, with
 * {@code Accept: application/json} or {@code ?format=json}, as JSON. The
 * document is hand-written; {@code OpenApiContractTest} keeps it true to the registered routes and
 * their live responses.
 */
public final class OpenApiService implements HttpService {

    private static final String RESOURCE = "META-INF/openapi.yaml";

    private final byte[] yaml;
    private final byte[] json;

    public OpenApiService() {
        try (InputStream in = OpenApiService.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            yaml = in.readAllBytes();
            json = new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::document);
    }

    private void document(ServerRequest req, ServerResponse res) {
        boolean wantsJson = req.query().first("format").map(f -> f.equalsIgnoreCase("json")).orElse(false)
                || req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("application/json")).orElse(false);
        send(res, wantsJson);
    }

    private void send(ServerResponse res, boolean asJson) {
        res.header(HeaderNames.CONTENT_TYPE, asJson ? "application/json" : "application/yaml; charset=utf-8");
        res.send(asJson ? json : yaml);
    }
}
