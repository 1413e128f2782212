package dev.argus.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code llm_judge} through the evaluation queue of a real Argus, with the real evaluator-judge,
 * provider-openai and provider-mock jars loaded from a folder. The OpenAI provider is configured for
 * one project from its secrets and pointed at a loopback server speaking OpenAI's wire format, which
 * answers each judge request with a JSON verdict chosen by the answer it was shown. Every judge call
 * is logged in the evaluation's project, tagged {@code argus-judge}, with its cost.
 */
class LlmJudgeEvaluationTest {

    private static final String OPENAI_KEY = "sk-judging-project-key-0123456789";
    private static final String QUESTION = "What is the capital of France?";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;
    static UUID project;
    static String key;
    static HttpServer openAi;
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static final List<JsonNode> upstreamBodies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("evaluator-judge.jar", plugins);
        TestPlugins.copyBundled("provider-openai.jar", plugins);
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        JsonNode recorded = Fixtures.JSON.readTree(WireSamples.text("openai_chat_completions.json")).path("response");
        openAi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        openAi.createContext("/v1/chat/completions", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode request = Fixtures.JSON.readTree(exchange.getRequestBody().readAllBytes());
            upstreamBodies.add(request);
            ObjectNode response = recorded.deepCopy();
            response.put("model", "gpt-4o-mini-2024-07-18");
            ((ObjectNode) response.path("choices").get(0).path("message")).put("content",
                    verdictFor(request.path("messages").get(1).path("content").asText()));
            byte[] body = Fixtures.JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        openAi.start();
        argus = RunningArgus.start(plugins, Map.of());
        fx = new Fixtures(argus);
        project = fx.project("judging");
        UUID owner = fx.user("owner@judge.test");
        fx.member(project, owner, ProjectRole.owner);
        String token = fx.token("owner@judge.test");
        key = fx.key(project, Set.of(ApiKeyScope.INGEST, ApiKeyScope.READ)).secret();
        for (var secret : Map.of("provider.openai.api_key", OPENAI_KEY, "provider.openai.base_url",
                "http://127.0.0.1:" + openAi.getAddress().getPort() + "/v1").entrySet()) {
            HttpResponse<String> res = fx.send("PUT", "/api/v1/secrets/" + secret.getKey(),
                    "{\"value\":\"" + secret.getValue() + "\"}", token, "X-Argus-Project", project.toString());
            assertEquals(200, res.statusCode(), res.body());
        }
    }

    @AfterAll
    static void stop() {
        argus.close();
        openAi.stop(0);
    }

    /** What the loopback judge says about the answer it was shown, the way models wrap their JSON. */
    static String verdictFor(String prompt) {
        if (prompt.contains("<answer>\nParis is the capital of France.\n</answer>")) {
            return "```json\n{\"score\": 5, \"label\": \"correct\", \"explanation\": \"Matches the reference.\"}\n```";
        }
        if (prompt.contains("<answer>\nLyon is the capital of France.\n</answer>")) {
            return "My verdict: {\"score\": 2, \"label\": \"Incorrect\", \"explanation\": \"Names the wrong city.\"}";
        }
        return "I would rather not say.";
    }

    static ObjectNode evaluation(Map<String, Object> config, String... outputs) {
        ObjectNode body = Fixtures.JSON.createObjectNode().put("evaluator", "llm_judge");
        ObjectNode c = body.putObject("config");
        config.forEach(c::putPOJO);
        ArrayNode items = body.putArray("items");
        for (String output : outputs) {
            items.addObject().put("input", QUESTION).put("output", output).put("reference", "Paris");
        }
        return body;
    }

    static String start(ObjectNode body, String apiKey) throws Exception {
        HttpResponse<String> res = fx.post("/api/v1/evaluations", body.toString(), apiKey);
        assertEquals(202, res.statusCode(), res.body());
        return Fixtures.JSON.readTree(res.body()).path("id").asText();
    }

    static JsonNode get(String path, String apiKey) throws Exception {
        HttpResponse<String> res = fx.get(path, apiKey);
        assertEquals(200, res.statusCode(), res.body());
        return Fixtures.JSON.readTree(res.body());
    }

    /** Polls an evaluation until {@code done} holds for it. */
    static JsonNode await(String id, String apiKey, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode view = get("/api/v1/evaluations/" + id, apiKey);
            if (done.test(view)) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("evaluation " + id + " did not get there: " + get("/api/v1/evaluations/" + id, apiKey));
    }

    static boolean finished(JsonNode view) {
        return view.path("status").asText().startsWith("completed");
    }

    @Test
    void verdictsAreScoredAndEveryJudgeCallIsLoggedInTheProjectWithItsCost() throws Exception {
        int asked = upstreamBodies.size();
        String id = start(evaluation(Map.of("provider", "openai", "model", "gpt-4o-mini", "labels", "correct,incorrect"),
                "Paris is the capital of France.", "Lyon is the capital of France."), key);
        JsonNode view = await(id, key, LlmJudgeEvaluationTest::finished);
        assertEquals("completed", view.path("status").asText(), view.toString());

        JsonNode paris = view.path("items").get(0).path("score");
        assertEquals(1.0, paris.path("value").asDouble());
        assertEquals("correct", paris.path("label").asText());
        assertEquals("Matches the reference.", paris.path("explanation").asText());
        JsonNode lyon = view.path("items").get(1).path("score");
        assertEquals(0.25, lyon.path("value").asDouble(), "2 on the 1-5 scale");
        assertEquals("incorrect", lyon.path("label").asText(), "the configured spelling");
        assertEquals(0.625, view.path("aggregate").path("mean").asDouble(), 1e-12);
        JsonNode details = lyon.path("details");
        assertEquals(2.0, details.path("raw_score").asDouble());
        assertEquals("1-5", details.path("scale").asText());
        assertEquals("Names the wrong city.", details.path("explanation").asText());
        assertEquals("openai", details.path("provider").asText());
        assertEquals("gpt-4o-mini-2024-07-18", details.path("model").asText());

        assertEquals(asked + 2, upstreamBodies.size(), "one judge request per item");
        assertEquals("Bearer " + OPENAI_KEY, authorizations.getLast(), "the project's own key reaches the upstream");
        JsonNode sent = upstreamBodies.getLast();
        assertEquals("gpt-4o-mini", sent.path("model").asText());
        assertEquals(0.0, sent.path("temperature").asDouble(-1));

        Set<String> judgeCalls = new HashSet<>();
        for (JsonNode item : view.path("items")) {
            JsonNode d = item.path("score").path("details");
            String callId = d.path("judge_call_id").asText();
            judgeCalls.add(callId);
            JsonNode call = get("/api/v1/calls/" + callId, key);
            assertEquals("success", call.path("status").asText());
            assertEquals("openai", call.path("provider").asText());
            assertTrue(call.path("tags").toString().contains("\"argus-judge\""), call.toString());
            assertEquals(id, call.path("metadata").path("argus_evaluation_id").asText());
            assertEquals("llm_judge", call.path("metadata").path("argus_evaluator").asText());
            assertEquals(19, call.path("usage").path("input_tokens").asInt());
            assertTrue(call.path("cost_usd").isNumber(), "gpt-4o-mini is in the bundled price table: " + call);
            BigDecimal cost = new BigDecimal(call.path("cost_usd").asText());
            assertTrue(cost.signum() > 0, call.toString());
            assertEquals(0, cost.compareTo(new BigDecimal(d.path("judge_cost_usd").asText())), d.toString());
        }
        assertEquals(2, judgeCalls.size());
        List<String> tagged = new ArrayList<>();
        get("/api/v1/calls?tag=argus-judge&limit=500", key).path("items").forEach(c -> tagged.add(c.path("id").asText()));
        assertTrue(tagged.containsAll(judgeCalls), "the judge's calls are listed under the tag: " + tagged);
    }

    @Test
    void theMockProviderJudgesWithServerSettingsAndItsProseFailsTheItemForARetry() throws Exception {
        String id = start(evaluation(Map.of("provider", "mock", "model", "mock-small"),
                "Paris is the capital of France."), key);
        JsonNode view = await(id, key, v -> !v.path("items").get(0).path("error").isNull());
        JsonNode item = view.path("items").get(0);
        assertTrue(item.path("error").asText().startsWith("UnusableAnswerException: the judge's answer is not usable "
                + "(no score found): \""), item.toString());
        assertTrue(List.of("queued", "running").contains(item.path("status").asText()),
                "an unusable answer is retried, not dead-lettered at once: " + item);

        JsonNode calls = get("/api/v1/calls?tag=argus-judge&provider=mock&limit=500", key).path("items");
        assertTrue(calls.size() >= 1, calls.toString());
        JsonNode call = get("/api/v1/calls/" + calls.get(0).path("id").asText(), key);
        assertEquals("success", call.path("status").asText());
        assertEquals("mock-small", call.path("model").asText());
        assertEquals(id, call.path("metadata").path("argus_evaluation_id").asText());
        assertEquals(0, new BigDecimal(call.path("cost_usd").asText()).signum(), "the mock is priced at zero");
        assertTrue(call.path("input_text").asText().contains("<answer>\nParis is the capital of France.\n</answer>"),
                "the rendered rubric was asked: " + call);
        assertTrue(item.path("error").asText().contains(call.path("output_text").asText().substring(0, 30)),
                "the error quotes what the judge said: " + call.path("output_text"));
    }

    @Test
    void aProjectWithoutProviderSettingsCannotUseAnotherProjectsKey() throws Exception {
        UUID other = fx.project("judging elsewhere");
        String otherKey = fx.key(other, Set.of(ApiKeyScope.INGEST, ApiKeyScope.READ)).secret();
        int asked = upstreamBodies.size();
        String id = start(evaluation(Map.of("provider", "openai", "model", "gpt-4o-mini"),
                "Paris is the capital of France."), otherKey);
        JsonNode view = await(id, otherKey, LlmJudgeEvaluationTest::finished);
        assertEquals("completed_with_errors", view.path("status").asText());
        JsonNode item = view.path("items").get(0);
        assertEquals("dead", item.path("status").asText());
        assertEquals(1, item.path("attempts").asInt(), "unscorable at once: the server has no OpenAI key either");
        assertTrue(item.path("error").asText().contains("no active provider 'openai'"), item.toString());
        assertEquals(asked, upstreamBodies.size(), "nothing reached the upstream");
        assertEquals(0, get("/api/v1/calls?tag=argus-judge", otherKey).path("items").size());
    }

    @Test
    void settingsAreCheckedWhenTheEvaluationIsCreated() throws Exception {
        assertInvalid(Map.of("model", "gpt-4o-mini"), "provider is required");
        assertInvalid(Map.of("provider", "openai"), "model is required");
        assertInvalid(Map.of("provider", "openai", "model", "m", "scale", "2-7"), "scale must be one of");
        assertInvalid(Map.of("provider", "openai", "model", "m", "temperature", "warm"), "temperature");
        // a rubric typo is only found when the item is scored: it is dead-lettered at once, naming the placeholder
        String id = start(evaluation(Map.of("provider", "openai", "model", "gpt-4o-mini", "rubric", "Grade {{answer}}"),
                "Paris is the capital of France."), key);
        JsonNode item = await(id, key, LlmJudgeEvaluationTest::finished).path("items").get(0);
        assertEquals("dead", item.path("status").asText());
        assertTrue(item.path("error").asText().contains("unknown placeholder {{answer}}"), item.toString());
    }

    static void assertInvalid(Map<String, Object> config, String message) throws Exception {
        HttpResponse<String> res = fx.post("/api/v1/evaluations", evaluation(config, "x").toString(), key);
        assertEquals(400, res.statusCode(), res.body());
        assertEquals("invalid_config", Fixtures.errorCode(res));
        assertNotNull(Fixtures.errorMessage(res));
        assertTrue(Fixtures.errorMessage(res).contains(message), res.body());
    }
}
