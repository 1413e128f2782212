package dev.argus.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.api.PluginConfig;
import dev.argus.api.evaluator.EvaluationInput;
import dev.argus.api.evaluator.Evaluator;
import dev.argus.api.evaluator.Score;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluations through the HTTP API of a real Argus with the real evaluator-text-metrics jar loaded from
 * a folder: scores stored by the queue equal what the plugin computes for the same texts and settings.
 */
class EvaluationsApiTest {

    static final String KEY = "pk-evals12345:sk-evals000000000000000secret";
    static final String SECRET = "sk-evals000000000000000secret";
    static final double EPS = 1e-12;

    // sacrebleu 2.6.0: case "papineni_candidate1" of shared/reference/bleu_rouge_cases.json
    static final String PAPINENI_REF =
            "It is a guide to action that ensures that the military will forever heed Party commands.";
    static final String PAPINENI_CAND =
            "It is a guide to action which ensures that the military always obeys the commands of the party.";

    static final List<String[]> PAIRS = List.of(
            new String[] {PAPINENI_CAND, PAPINENI_REF},
            new String[] {"The runner runs quick to the finish lines.", "The runners were running quickly to the finishing line."},
            new String[] {"the cat sat on the mat", "the cat is on the mat"},
            new String[] {"completely unrelated words here", "the cat is on the mat"},
            new String[] {"A quick brown fox jumps over the lazy dog.", "The quick brown fox jumped over the lazy dog."});

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "evals", "ARGUS_INIT_API_KEY", KEY));
        api = new ApiClient(argus, SECRET);
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    /** Polls an evaluation until every job is finished. */
    static JsonNode awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode view = api.getOk("/api/v1/evaluations/" + id);
            String status = view.path("status").asText();
            if (status.equals("completed") || status.equals("completed_with_errors")) {
                return view;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("evaluation " + id + " did not finish: " + api.getOk("/api/v1/evaluations/" + id));
    }

    static JsonNode accepted(ObjectNode body) throws Exception {
        HttpResponse<String> res = api.post("/api/v1/evaluations", body);
        assertEquals(202, res.statusCode(), res.body());
        JsonNode created = ApiClient.JSON.readTree(res.body());
        assertEquals("queued", created.path("status").asText());
        return created;
    }

    static ObjectNode request(String evaluator, Map<String, Object> config) {
        ObjectNode body = ApiClient.JSON.createObjectNode().put("evaluator", evaluator);
        ObjectNode c = body.putObject("config");
        config.forEach((k, v) -> c.putPOJO(k, v));
        ArrayNode items = body.putArray("items");
        for (String[] pair : PAIRS) {
            items.addObject().put("output", pair[0]).put("reference", pair[1]).put("input", "translate");
        }
        return body;
    }

    static Evaluator plugin(String id) {
        return argus.argus().plugins().registry().evaluator(id).orElseThrow();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @Test
    void bleuScoresThroughTheQueueEqualThePluginsAndAggregate() throws Exception {
        JsonNode created = accepted(request("bleu", Map.of("tokenize", "13a", "smooth_method", "exp")));
        assertEquals(PAIRS.size(), created.path("total").asInt());
        JsonNode view = awaitFinished(created.path("id").asText());
        assertEquals("completed", view.path("status").asText());
        assertEquals(PAIRS.size(), view.path("progress").path("done").asInt());
        PluginConfig config = plugin("bleu").configSchema().bind(Map.of("tokenize", "13a", "smooth_method", "exp"));
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < PAIRS.size(); i++) {
            JsonNode item = view.path("items").get(i);
            assertEquals(i, item.path("position").asInt());
            assertEquals("done", item.path("status").asText());
            assertEquals(1, item.path("attempts").asInt());
            Score expected = plugin("bleu").evaluate(EvaluationInput.of(PAIRS.get(i)[0], PAIRS.get(i)[1]), config);
            assertEquals(expected.value(), item.path("score").path("value").asDouble(), EPS);
            assertEquals((double) expected.details().get("bleu"), item.path("score").path("details").path("bleu").asDouble(), EPS);
            values.add(expected.value());
        }
        // sacrebleu's own number for the first pair
        assertEquals(39.67088290836578, view.path("items").get(0).path("score").path("details").path("bleu").asDouble(), 1e-9);
        JsonNode aggregate = view.path("aggregate");
        assertEquals(values.stream().mapToDouble(d -> d).average().orElseThrow(), aggregate.path("mean").asDouble(), 1e-12);
        assertEquals(median(values), aggregate.path("p50").asDouble(), 1e-12);
        assertEquals(values.stream().mapToDouble(d -> d).min().orElseThrow(), aggregate.path("min").asDouble(), 0);
        assertEquals(values.stream().mapToDouble(d -> d).max().orElseThrow(), aggregate.path("max").asDouble(), 0);
    }

    @Test
    void rougeWithStemmerThroughTheQueueEqualsThePlugin() throws Exception {
        JsonNode view = awaitFinished(accepted(request("rouge", Map.of("use_stemmer", true))).path("id").asText());
        PluginConfig config = plugin("rouge").configSchema().bind(Map.of("use_stemmer", "true"));
        for (int i = 0; i < PAIRS.size(); i++) {
            Score expected = plugin("rouge").evaluate(EvaluationInput.of(PAIRS.get(i)[0], PAIRS.get(i)[1]), config);
            JsonNode details = view.path("items").get(i).path("score").path("details");
            assertEquals(expected.value(), view.path("items").get(i).path("score").path("value").asDouble(), EPS);
            for (String kind : List.of("rouge1", "rouge2", "rougeL", "rougeLsum")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) expected.details().get(kind);
                assertEquals((double) e.get("fmeasure"), details.path(kind).path("fmeasure").asDouble(), EPS, kind);
            }
        }
        // rouge-score 0.1.2 with the stemmer, case "stemming_sensitive"
        assertEquals(0.823529411764706, view.path("items").get(1).path("score").path("value").asDouble(), 1e-9);
    }

    @Test
    void storedCallsAreScoredAndTheirScoresListedUnderTheCall() throws Exception {
        ObjectNode ingest = ApiClient.JSON.createObjectNode();
        ArrayNode calls = ingest.putArray("calls");
        for (int i = 0; i < 3; i++) {
            ObjectNode c = calls.addObject().put("provider", "openai").put("model", "gpt-4o").put("latency_ms", 100)
                    .put("started_at", java.time.Instant.now().minusSeconds(60).toString());
            c.put("input", "Say the sentence " + i);
            c.put("output", PAIRS.get(i)[0]);
            c.putObject("metadata").put("reference", PAIRS.get(i)[1]);
        }
        JsonNode ids = api.postOk("/api/v1/ingest", ingest).path("ids");
        ObjectNode body = ApiClient.JSON.createObjectNode().put("evaluator", "bleu");
        ArrayNode callIds = body.putArray("call_ids");
        ids.forEach(callIds::add);
        JsonNode view = awaitFinished(accepted(body).path("id").asText());
        assertEquals("calls", view.path("source").asText());
        for (int i = 0; i < 3; i++) {
            JsonNode item = view.path("items").get(i);
            assertEquals(ids.get(i).asText(), item.path("call_id").asText());
            double expected = plugin("bleu").evaluate(EvaluationInput.of(PAIRS.get(i)[0], PAIRS.get(i)[1])).value();
            assertEquals(expected, item.path("score").path("value").asDouble(), EPS);
            JsonNode scores = api.getOk("/api/v1/calls/" + ids.get(i).asText() + "/scores").path("items");
            assertEquals(1, scores.size());
            assertEquals("bleu", scores.get(0).path("evaluator").asText());
            assertEquals(expected, scores.get(0).path("value").asDouble(), EPS);
            assertEquals(view.path("id").asText(), scores.get(0).path("evaluation_id").asText());
        }
    }

    @Test
    void badRequestsAre400sNamingTheField() throws Exception {
        assertError(request("no-such-evaluator", Map.of()), "unknown_evaluator", "evaluator");
        assertError(request("bleu", Map.of("tokenize", "moses")), "invalid_config", "config: tokenize");
        assertError(request("bleu", Map.of("colour", "blue")), "invalid_config", "config: unknown setting colour");
        assertError(request("rouge", Map.of("use_stemmer", "perhaps")), "invalid_config", "use_stemmer");
        ObjectNode noReference = request("bleu", Map.of());
        ((ObjectNode) noReference.path("items").get(2)).remove("reference");
        assertError(noReference, "missing_reference", "items[2].reference");
        ObjectNode noOutput = request("bleu", Map.of());
        ((ObjectNode) noOutput.path("items").get(1)).remove("output");
        assertError(noOutput, "invalid_request", "items[1].output");
        ObjectNode both = request("bleu", Map.of());
        both.putArray("call_ids").add("0190a000-0000-7000-8000-000000000000");
        assertError(both, "invalid_request", "give exactly one");
        ObjectNode unknownCall = ApiClient.JSON.createObjectNode().put("evaluator", "bleu");
        unknownCall.putArray("call_ids").add("0190a000-0000-7000-8000-000000000000");
        assertError(unknownCall, "unknown_call", "call_ids");
        assertEquals(404, api.get("/api/v1/evaluations/0190a000-0000-7000-8000-000000000000").statusCode());
        // like GET /api/v1/calls/{id}: a call the project does not hold is not found, not an empty list
        assertEquals(404, api.get("/api/v1/calls/0190a000-0000-7000-8000-000000000000/scores").statusCode());
    }

    @Test
    void listingPagesThroughEveryEvaluationNewestFirst() throws Exception {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(accepted(request("rouge-1", Map.of())).path("id").asText());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.getOk("/api/v1/evaluations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertTrue(page.path("items").size() <= 2);
            page.path("items").forEach(item -> {
                seen.add(item.path("id").asText());
                assertNotNull(item.path("progress").path("total"));
            });
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        assertTrue(seen.containsAll(created));
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no evaluation listed twice");
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, seen, "newest (UUIDv7) first");
    }

    static void assertError(ObjectNode body, String code, String messagePart) throws Exception {
        HttpResponse<String> res = api.post("/api/v1/evaluations", body);
        assertEquals(400, res.statusCode(), res.body());
        JsonNode error = ApiClient.JSON.readTree(res.body()).path("error");
        assertEquals(code, error.path("code").asText(), res.body());
        assertTrue(error.path("message").asText().contains(messagePart), res.body());
    }
}
