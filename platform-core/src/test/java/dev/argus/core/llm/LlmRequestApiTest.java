package dev.argus.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import dev.argus.plugins.testkit.WireSamples;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/llm/request} against a real Argus: the mock provider plugin, and the OpenAI
 * provider plugin configured from the project's secrets and pointed at a loopback server that speaks
 * OpenAI's wire format. Every attempt is logged as a call before the answer.
 */
class LlmRequestApiTest {

    private static final String OPENAI_KEY = "sk-project-own-openai-key-0123456789";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;
    static UUID project;
    static String key;
    static String owner;
    static HttpServer openAi;
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final List<JsonNode> upstreamBodies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        TestPlugins.copyBundled("provider-openai.jar", plugins);
        String completion = Fixtures.JSON.readTree(WireSamples.text("openai_chat_completions.json")).path("response")
                .toString().replace("\"gpt-5.4\"", "\"gpt-4o-mini-2024-07-18\"");
        openAi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        openAi.createContext("/v1/chat/completions", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            upstreamBodies.add(Fixtures.JSON.readTree(exchange.getRequestBody().readAllBytes()));
            byte[] body = completion.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-ratelimit-limit-requests", "500");
            exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", "499");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        openAi.start();
        argus = RunningArgus.start(plugins, Map.of());
        fx = new Fixtures(argus);
        project = fx.project("llm requests");
        UUID user = fx.user("owner@llm.test");
        fx.member(project, user, ProjectRole.owner);
        owner = fx.token("owner@llm.test");
        key = fx.key(project, Set.of(ApiKeyScope.PROXY, ApiKeyScope.READ)).secret();
        put("/api/v1/secrets/provider.openai.api_key", "{\"value\":\"" + OPENAI_KEY + "\"}");
        put("/api/v1/secrets/provider.openai.base_url", "{\"value\":\"http://127.0.0.1:"
                + openAi.getAddress().getPort() + "/v1\"}");
    }

    @AfterAll
    static void stop() {
        argus.close();
        openAi.stop(0);
    }

    static void put(String path, String body) throws Exception {
        HttpResponse<String> res = fx.send("PUT", path, body, owner, "X-Argus-Project", project.toString());
        assertEquals(200, res.statusCode(), res.body());
    }

    static HttpResponse<String> request(String body) throws Exception {
        return fx.post("/api/v1/llm/request", body, key);
    }

    static JsonNode call(String id) throws Exception {
        HttpResponse<String> res = fx.get("/api/v1/calls/" + id, key);
        assertEquals(200, res.statusCode(), res.body());
        return Fixtures.JSON.readTree(res.body());
    }

    @Test
    void projectConfiguredOpenAiAnswersAndTheCallIsLoggedWithCost() throws Exception {
        HttpResponse<String> res = request("{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
                + "\"user\",\"content\":\"Hello\"}],\"temperature\":0.3,\"max_tokens\":50,\"user_id\":\"u-7\","
                + "\"tags\":[\"docs\"],\"metadata\":{\"feature\":\"greeting\"}}");
        assertEquals(200, res.statusCode(), res.body());
        JsonNode answer = Fixtures.JSON.readTree(res.body());
        assertEquals("Hello! How can I assist you today?", answer.path("content").asText());
        assertEquals("openai", answer.path("provider").asText());
        assertEquals("gpt-4o-mini-2024-07-18", answer.path("model").asText());
        assertEquals(19, answer.path("usage").path("input_tokens").asInt());
        assertEquals(10, answer.path("usage").path("output_tokens").asInt());
        assertEquals(1, answer.path("attempts").asInt());
        assertTrue(answer.path("logged").asBoolean());
        assertEquals("Bearer " + OPENAI_KEY, authorizations.getLast(), "the project's secret reaches the upstream");
        assertEquals(0.3, upstreamBodies.getLast().path("temperature").asDouble());

        JsonNode stored = call(answer.path("call_id").asText());
        assertEquals("success", stored.path("status").asText());
        assertEquals("u-7", stored.path("user_id").asText());
        assertEquals(answer.path("trace_id").asText(), stored.path("trace_id").asText());
        assertEquals(List.of("docs"), List.of(stored.path("tags").path(0).asText()));
        assertNotNull(answer.get("cost_usd"));
        assertTrue(answer.path("cost_usd").isNumber(), "gpt-4o-mini is in the bundled price table: " + answer);
        assertEquals(0, new BigDecimal(answer.path("cost_usd").asText()).compareTo(
                new BigDecimal(stored.path("cost_usd").asText())));
        assertEquals(499, stored.path("rate_limit").path("requests_remaining").asInt(), stored.toString());
    }

    @Test
    void storedPromptIsRenderedAndTheCallLinksToItsVersion() throws Exception {
        HttpResponse<String> created = fx.send("POST", "/api/v1/prompts/welcome/versions",
                "{\"template\":\"Say hello to {{name}}\",\"model\":\"mock-small\",\"labels\":[\"production\"]}", owner,
                "X-Argus-Project", project.toString());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> res = request("{\"provider\":\"mock\",\"prompt\":{\"name\":\"welcome\",\"variables\":"
                + "{\"name\":\"Ada\"}}}");
        assertEquals(200, res.statusCode(), res.body());
        JsonNode answer = Fixtures.JSON.readTree(res.body());
        assertEquals("welcome", answer.path("prompt").path("name").asText());
        assertEquals(1, answer.path("prompt").path("version").asInt());
        JsonNode stored = call(answer.path("call_id").asText());
        assertEquals("welcome", stored.path("prompt").path("name").asText());
        assertEquals(1, stored.path("prompt").path("version").asInt());
        assertTrue(stored.toString().contains("Say hello to Ada"), stored.toString());

        HttpResponse<String> missing = request("{\"provider\":\"mock\",\"prompt\":{\"name\":\"welcome\"}}");
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(Fixtures.errorMessage(missing).contains("name"), missing.body());
    }

    @Test
    void failuresAreRetriedLoggedPerAttemptAndFallBack() throws Exception {
        String failing = "{\"role\":\"user\",\"content\":\"[mock:error=rate_limit] hi\"}";
        HttpResponse<String> res = request("{\"provider\":\"mock\",\"model\":\"mock-small\",\"messages\":[" + failing
                + "],\"fallback\":{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\"}}");
        assertEquals(200, res.statusCode(), res.body());
        JsonNode answer = Fixtures.JSON.readTree(res.body());
        assertTrue(answer.path("fell_back").asBoolean());
        assertEquals("openai", answer.path("provider").asText());
        assertEquals(ResiliencePolicy.DEFAULT.maxAttempts() + 1, answer.path("attempts").asInt());
        HttpResponse<String> calls = fx.get("/api/v1/calls?trace_id=" + answer.path("trace_id").asText(), key);
        JsonNode items = Fixtures.JSON.readTree(calls.body()).path("items");
        assertEquals(ResiliencePolicy.DEFAULT.maxAttempts() + 1, items.size(), calls.body());
        long errors = 0;
        for (JsonNode item : items) {
            if (item.path("status").asText().equals("error")) {
                errors++;
                assertEquals("rate_limit", item.path("error").path("category").asText());
            }
        }
        assertEquals(ResiliencePolicy.DEFAULT.maxAttempts(), errors);

        HttpResponse<String> failed = request("{\"provider\":\"mock\",\"model\":\"mock-small\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"[mock:error=auth] hi\"}]}");
        assertEquals(502, failed.statusCode(), failed.body());
        JsonNode error = Fixtures.JSON.readTree(failed.body()).path("error");
        assertEquals("provider_auth", error.path("code").asText());
        assertEquals("error", call(error.path("details").path("call_id").asText()).path("status").asText());
    }

    @Test
    void streamingSendsChunksThenDoneAfterTheCallIsStored() throws Exception {
        HttpResponse<String> res = request("{\"provider\":\"mock\",\"model\":\"mock-small\",\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me a story\"}]}");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = res.body().lines().filter(l -> l.startsWith("data: "))
                .map(l -> {
                    try {
                        return Fixtures.JSON.readTree(l.substring(6));
                    } catch (Exception e) {
                        throw new AssertionError(l, e);
                    }
                }).toList();
        assertTrue(events.size() >= 2, res.body());
        StringBuilder text = new StringBuilder();
        events.subList(0, events.size() - 1).forEach(e -> {
            assertEquals("chunk", e.path("type").asText());
            text.append(e.path("text").asText());
        });
        JsonNode done = events.getLast();
        assertEquals("done", done.path("type").asText());
        assertEquals(done.path("content").asText(), text.toString());
        assertEquals("success", call(done.path("call_id").asText()).path("status").asText());
    }

    @Test
    void badRequestsAreNamed() throws Exception {
        assertError(request("{\"provider\":\"nope\",\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"),
                400, "unknown_provider");
        assertError(request("{\"provider\":\"mock\",\"model\":\"m\"}"), 400, "invalid_request");
        assertError(request("{\"provider\":\"mock\",\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"),
                400, "invalid_request");
        assertError(request("{\"provider\":\"mock\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}"), 400,
                "invalid_request");
        assertError(request("{\"provider\":\"mock\",\"prompt\":{\"name\":\"never-made\"}}"), 404, "not_found");
        assertError(request("{\"provider\":\"mock\",\"model\":\"m\",\"temperature\":7,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"x\"}]}"), 400, "invalid_request");
        String ingestOnly = fx.key(project, Set.of(ApiKeyScope.INGEST)).secret();
        assertEquals(403, fx.post("/api/v1/llm/request", "{}", ingestOnly).statusCode());
        assertFalse(Fixtures.errorMessage(request("{\"provider\":\"mock\",\"model\":\"m\",\"messages\":[]}")).isEmpty());
    }

    static void assertError(HttpResponse<String> res, int status, String code) {
        assertEquals(status, res.statusCode(), res.body());
        assertEquals(code, Fixtures.errorCode(res), res.body());
    }
}
