package dev.argus.core.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets through the HTTP API of a real Argus: JSON, CSV and JSON Lines uploads, items from calls, evaluation. */
class DatasetsApiTest {

    static final String KEY = "pk-datasets123:sk-datasets000000000000000secret";
    static final String SECRET = "sk-datasets000000000000000secret";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("evaluator-rules.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "datasets", "ARGUS_INIT_API_KEY", KEY));
        api = new ApiClient(argus, SECRET);
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    static HttpResponse<String> upload(String datasetId, String contentType, String body) throws Exception {
        return argus.send(HttpRequest.newBuilder(argus.uri("/api/v1/datasets/" + datasetId + "/items"))
                .header("Authorization", "Bearer " + SECRET).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String create(String name) throws Exception {
        HttpResponse<String> res = api.post("/api/v1/datasets", Map.of("name", name, "description", "for tests"));
        assertEquals(201, res.statusCode(), res.body());
        JsonNode created = ApiClient.JSON.readTree(res.body());
        assertEquals(0, created.path("item_count").asInt());
        return created.path("id").asText();
    }

    static JsonNode allItems(String id) throws Exception {
        ArrayNode all = ApiClient.JSON.createArrayNode();
        String cursor = null;
        do {
            JsonNode page = api.getOk("/api/v1/datasets/" + id + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertTrue(page.path("items").size() <= 2);
            page.path("items").forEach(all::add);
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        return all;
    }

    static void assertUploadError(String id, String type, String body, String code, String message) throws Exception {
        HttpResponse<String> res = upload(id, type, body);
        assertEquals(400, res.statusCode(), res.body());
        assertEquals(code, Fixtures.errorCode(res), res.body());
        assertTrue(Fixtures.errorMessage(res).contains(message), res.body());
    }

    @Test
    void jsonCsvAndJsonLinesUploadsAppendInOrder() throws Exception {
        ObjectNode body = ApiClient.JSON.createObjectNode().put("name", "qa-" + UUID.randomUUID());
        body.putArray("items").addObject().put("input", "2+2?").put("reference", "4")
                .putObject("metadata").put("topic", "math");
        HttpResponse<String> created = api.post("/api/v1/datasets", body);
        assertEquals(201, created.statusCode(), created.body());
        String id = ApiClient.JSON.readTree(created.body()).path("id").asText();
        assertEquals(1, ApiClient.JSON.readTree(created.body()).path("item_count").asInt());

        String csv = "\uFEFFinput,reference,topic,difficulty\r\n"
                + "\"Capital of France, please\",Paris,geo,easy\r\n"
                + "\"Say \"\"hi\"\"\",\"hi\nthere\",,hard\r\n"
                + "\r\n"
                + "Largest planet?,Jupiter,astro,\r\n";
        HttpResponse<String> res = upload(id, "text/csv; charset=utf-8", csv);
        assertEquals(201, res.statusCode(), res.body());
        assertEquals(3, ApiClient.JSON.readTree(res.body()).path("added").asInt());
        assertEquals(4, ApiClient.JSON.readTree(res.body()).path("item_count").asInt());

        String jsonl = "{\"input\":\"Boiling point of water?\",\"reference\":\"100 °C\"}\n\n"
                + "{\"input\":\"Opposite of up?\",\"reference\":\"down\",\"metadata\":{\"output\":\"down\"}}\n";
        res = upload(id, "application/x-ndjson", jsonl);
        assertEquals(201, res.statusCode(), res.body());
        assertEquals(6, ApiClient.JSON.readTree(res.body()).path("item_count").asInt());

        res = upload(id, "application/json", "{\"items\":[{\"reference\":\"only a reference\"}]}");
        assertEquals(201, res.statusCode(), res.body());

        JsonNode items = allItems(id);
        assertEquals(7, items.size());
        for (int i = 0; i < items.size(); i++) {
            assertEquals(i, items.get(i).path("position").asInt());
        }
        assertEquals("math", items.get(0).path("metadata").path("topic").asText());
        assertEquals("Capital of France, please", items.get(1).path("input").asText());
        assertEquals("{\"topic\":\"geo\",\"difficulty\":\"easy\"}", items.get(1).path("metadata").toString());
        assertEquals("Say \"hi\"", items.get(2).path("input").asText());
        assertEquals("hi\nthere", items.get(2).path("reference").asText());
        assertEquals("{\"difficulty\":\"hard\"}", items.get(2).path("metadata").toString(), "empty cells are left out");
        assertEquals("Jupiter", items.get(3).path("reference").asText());
        assertEquals("100 °C", items.get(4).path("reference").asText());
        assertEquals("down", items.get(5).path("metadata").path("output").asText());
        assertTrue(items.get(6).path("input").isNull());

        JsonNode listed = api.getOk("/api/v1/datasets?limit=500");
        boolean found = false;
        for (JsonNode d : listed.path("items")) {
            if (d.path("id").asText().equals(id)) {
                found = true;
                assertEquals(7, d.path("item_count").asInt());
            }
        }
        assertTrue(found);
    }

    @Test
    void malformedUploadsAre400sNamingLineAndColumn() throws Exception {
        String id = create("errors-" + UUID.randomUUID());
        assertUploadError(id, "text/csv", "question,answer\nx,y\n", "invalid_upload",
                "line 1: the header needs an input or a reference column");
        assertUploadError(id, "text/csv", "input,reference\na,b\nc\n", "invalid_upload",
                "line 3: 1 field(s), but the header has 2 columns");
        assertUploadError(id, "text/csv", "input,reference\na,b\nc,\"never closed\n", "invalid_upload",
                "line 3, column 3: the quoted field opened here is never closed");
        assertUploadError(id, "text/csv", "input,reference\nab\"c,d\n", "invalid_upload", "line 2, column 3: a quote");
        assertUploadError(id, "text/csv", "input,reference\n\"a\"b,c\n", "invalid_upload", "line 2, column 4: text after");
        assertUploadError(id, "text/csv", "input,,reference\n", "invalid_upload", "line 1, column 2: the header names no column");
        assertUploadError(id, "text/csv", "input,Input\n", "invalid_upload", "line 1, column 2: column 'Input' appears twice");
        assertUploadError(id, "text/csv", "input,reference\n,\n", "invalid_upload", "line 2: the input and reference");
        assertUploadError(id, "application/x-ndjson", "{\"input\":\"a\"}\n{\"input\": oops}\n", "invalid_upload",
                "line 2, column");
        assertUploadError(id, "application/x-ndjson", "{\"input\":\"a\"}\n[1]\n", "invalid_request", "line 2: must be an object");
        assertUploadError(id, "application/x-ndjson", "{\"input\":\"a\",\"expected\":1}\n", "invalid_request",
                "line 1.expected: unknown field");
        assertUploadError(id, "application/json", "{\"items\":[{\"input\":\"a\"},{\"input\":3}]}", "invalid_request",
                "items[1].input: must be a string");
        assertUploadError(id, "application/json", "{\"items\":[{\"metadata\":{}}]}", "invalid_request",
                "items[0]: give an input, a reference or both");
        StringBuilder tooMany = new StringBuilder("input\n");
        for (int i = 0; i <= DatasetStore.MAX_ITEMS; i++) {
            tooMany.append("q").append(i).append('\n');
        }
        assertUploadError(id, "text/csv", tooMany.toString(), "too_many_items", "at most 10000");
        HttpResponse<String> binary = argus.send(HttpRequest.newBuilder(argus.uri("/api/v1/datasets/" + id + "/items"))
                .header("Authorization", "Bearer " + SECRET).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'i', 'n', 'p', 'u', 't', '\n', (byte) 0xC3, 0x28})));
        assertEquals(400, binary.statusCode(), binary.body());
        assertTrue(Fixtures.errorMessage(binary).contains("not UTF-8"), binary.body());
        HttpResponse<String> unsupported = upload(id, "text/plain", "input\nx\n");
        assertEquals(415, unsupported.statusCode(), unsupported.body());
        assertEquals(0, api.getOk("/api/v1/datasets/" + id).path("item_count").asInt(), "nothing was added");
        assertEquals(404, upload(UUID.randomUUID().toString(), "text/csv", "input\nx\n").statusCode());
    }

    @Test
    void namesAreUniqueAndDeletedDatasetsAreGone() throws Exception {
        String name = "unique-" + UUID.randomUUID();
        String id = create(name);
        HttpResponse<String> again = api.post("/api/v1/datasets", Map.of("name", name));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals(400, api.post("/api/v1/datasets", Map.of("name", " ")).statusCode());
        assertEquals(400, api.post("/api/v1/datasets", Map.of("name", "x", "colour", "red")).statusCode());
        // another project sees nothing of it
        Fixtures fx = new Fixtures(argus);
        UUID other = fx.project("other-" + UUID.randomUUID());
        String otherKey = fx.key(other, Fixtures.allScopes()).secret();
        assertEquals(404, fx.get("/api/v1/datasets/" + id, otherKey).statusCode());
        assertEquals(404, fx.send("DELETE", "/api/v1/datasets/" + id, null, otherKey).statusCode());
        HttpResponse<String> deleted = fx.send("DELETE", "/api/v1/datasets/" + id, null, SECRET);
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, api.get("/api/v1/datasets/" + id).statusCode());
        assertEquals(404, fx.send("DELETE", "/api/v1/datasets/" + id, null, SECRET).statusCode());
    }

    @Test
    void productionCallsBecomeItemsAndADatasetIsEvaluated() throws Exception {
        ObjectNode ingest = ApiClient.JSON.createObjectNode();
        ArrayNode calls = ingest.putArray("calls");
        for (String[] call : List.of(new String[] {"What is 2+2?", "4"}, new String[] {"Capital of Italy?", "Rome"})) {
            calls.addObject().put("provider", "openai").put("model", "gpt-4o-mini").put("latency_ms", 120)
                    .put("started_at", Instant.now().minusSeconds(30).toString()).put("input", call[0])
                    .put("output", call[1]).putObject("prompt").put("name", "quiz").put("version", 2);
        }
        JsonNode ids = api.postOk("/api/v1/ingest", ingest).path("ids");
        String id = create("from-calls-" + UUID.randomUUID());
        ObjectNode body = ApiClient.JSON.createObjectNode();
        body.putArray("call_ids").add(ids.get(0).asText()).add(ids.get(1).asText());
        HttpResponse<String> res = api.post("/api/v1/datasets/" + id + "/items/from-calls", body);
        assertEquals(201, res.statusCode(), res.body());
        JsonNode items = allItems(id);
        assertEquals(2, items.size());
        assertEquals("What is 2+2?", items.get(0).path("input").asText());
        assertEquals("4", items.get(0).path("reference").asText());
        JsonNode metadata = items.get(1).path("metadata");
        assertEquals(ids.get(1).asText(), metadata.path("call_id").asText());
        assertEquals("gpt-4o-mini", metadata.path("model").asText());
        assertEquals("quiz", metadata.path("prompt_name").asText());
        assertEquals(2, metadata.path("prompt_version").asInt());

        ObjectNode unknown = ApiClient.JSON.createObjectNode();
        unknown.putArray("call_ids").add(ids.get(0).asText()).add(UUID.randomUUID().toString());
        HttpResponse<String> bad = api.post("/api/v1/datasets/" + id + "/items/from-calls", unknown);
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Fixtures.errorMessage(bad).startsWith("call_ids[1]: no call"), bad.body());

        // an evaluation of the dataset scores each item's metadata.output (here: none, so the input) against its reference
        String csv = "input,reference,output\nq1,Paris,Paris\nq2,Rome,Milan\n";
        assertEquals(201, upload(id, "text/csv", csv).statusCode());
        ObjectNode evaluation = ApiClient.JSON.createObjectNode().put("evaluator", "exact_match").put("dataset_id", id);
        HttpResponse<String> accepted = api.post("/api/v1/evaluations", evaluation);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String evaluationId = ApiClient.JSON.readTree(accepted.body()).path("id").asText();
        JsonNode view = api.getOk("/api/v1/evaluations/" + evaluationId);
        for (int polls = 0; polls < 600 && !view.path("status").asText().startsWith("completed"); polls++) {
            Thread.sleep(50);
            view = api.getOk("/api/v1/evaluations/" + evaluationId);
        }
        assertEquals("completed", view.path("status").asText(), view.toString());
        assertEquals("dataset", view.path("source").asText());
        assertEquals(id, view.path("dataset_id").asText());
        List<Double> scores = new ArrayList<>();
        view.path("items").forEach(item -> scores.add(item.path("score").path("value").asDouble()));
        assertEquals(List.of(0.0, 0.0, 1.0, 0.0), scores);
        assertEquals(allItems(id).get(2).path("id").asText(), view.path("items").get(2).path("dataset_item_id").asText());
    }
}
