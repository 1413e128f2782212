package dev.argus.core.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.argus.core.server.RouteTable;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document is true: every registered route is documented, every documented operation
 * exists, and a representative live response of each route validates against its documented schema.
 * Adding a route without documenting it and adding a sample here fails this test.
 */
class OpenApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "sk-openapi000000000000000000test";
    /** Routes served outside the API routing table (public by nature). */
    private static final Set<String> PLAIN_ROUTES = Set.of("GET /health", "GET /openapi");

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static JsonNode document;

    /** One representative request per operation, and the status it should answer. */
    record Sample(String method, String path, String body, int status) {
    }

    private static final Map<String, Sample> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("GET /health", new Sample("GET", "/health", null, 200));
        SAMPLES.put("GET /openapi", new Sample("GET", "/openapi?format=json", null, 200));
        SAMPLES.put("GET /api/v1/plugins", new Sample("GET", "/api/v1/plugins", null, 200));
        // admin-only: an API key is refused (the refusal must match the documented error)
        SAMPLES.put("POST /api/v1/plugins/reload", new Sample("POST", "/api/v1/plugins/reload", null, 403));
        SAMPLES.put("POST /api/v1/plugins/{id}/enable", new Sample("POST", "/api/v1/plugins/provider-mock/enable", null, 403));
        SAMPLES.put("POST /api/v1/plugins/{id}/disable", new Sample("POST", "/api/v1/plugins/provider-mock/disable", null, 403));
    }

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_API_KEY", "pk-openapitest:" + SECRET));
        HttpResponse<String> res = argus.send(HttpRequest.newBuilder(argus.uri("/openapi"))
                .header("Accept", "application/json"));
        assertEquals(200, res.statusCode(), res.body());
        document = JSON.readTree(res.body());
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    @Test
    void documentIsServedAsYamlToo() throws Exception {
        HttpResponse<String> res = argus.get("/openapi");
        assertEquals(200, res.statusCode());
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(res.body());
        assertEquals("3.1.0", yaml.path("openapi").asText());
        assertEquals(document, JSON.readTree(argus.get("/openapi?format=json").body()));
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationExists() {
        Set<String> registered = new TreeSet<>(PLAIN_ROUTES);
        for (RouteTable.Route route : argus.argus().routes().routes()) {
            registered.add(route.method() + " " + route.path());
        }
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        assertEquals(registered, documented, "routes registered vs documented in META-INF/openapi.yaml");
        assertEquals(registered, new TreeSet<>(SAMPLES.keySet()), "every route needs a sample request in this test");
    }

    @Test
    void liveResponsesMatchTheirDocumentedSchemas() throws Exception {
        for (var entry : SAMPLES.entrySet()) {
            Sample sample = entry.getValue();
            HttpRequest.Builder request = HttpRequest.newBuilder(argus.uri(sample.path()))
                    .header("Authorization", "Bearer " + SECRET)
                    .method(sample.method(), sample.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(sample.body()));
            if (sample.body() != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> res = argus.send(request);
            assertEquals(sample.status(), res.statusCode(), entry.getKey() + ": " + res.body());
            String[] parts = entry.getKey().split(" ", 2);
            JsonNode response = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT))
                    .path("responses").path(String.valueOf(sample.status()));
            if (response.has("$ref")) {
                response = resolve(response.get("$ref").asText());
            }
            JsonNode schema = response.path("content").path("application/json").path("schema");
            assertTrue(!schema.isMissingNode(), entry.getKey() + " documents no JSON schema for " + sample.status());
            Set<ValidationMessage> errors = schemaFor(schema).validate(JSON.readTree(res.body()));
            assertTrue(errors.isEmpty(), entry.getKey() + " response does not match its schema: " + errors);
        }
    }

    private static JsonNode resolve(String ref) {
        JsonNode node = document;
        for (String part : ref.substring(2).split("/")) {
            node = node.path(part);
        }
        return node;
    }

    /** Wraps an OpenAPI schema with the document's components as JSON Schema 2020-12 {@code $defs}. */
    private static JsonSchema schemaFor(JsonNode schema) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", document.path("components").path("schemas"));
        root.setAll((ObjectNode) schema);
        String text = JSON.writeValueAsString(root).replace("#/components/schemas/", "#/$defs/");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(text));
    }
}
