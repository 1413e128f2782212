package dev.argus.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/evaluators} of a real Argus with the real evaluator jars loaded from a folder: the
 * listing shows each evaluator's config schema, and synchronous scores equal sacrebleu's and
 * rouge-score's numbers in the shared reference cases for every stored variant.
 */
class EvaluatorsApiTest {

    static final String KEY = "pk-scorer1234:sk-scorer0000000000000000secret";
    static final String SECRET = "sk-scorer0000000000000000secret";
    static final double EPS = 1e-9;
    static final Path CASES = Path.of("../plugins/evaluator-text-metrics/src/test/resources/reference/bleu_rouge_cases.json");

    /** The reference file's sacrebleu variants as the bleu evaluator's settings. */
    static final Map<String, Map<String, Object>> VARIANTS = Map.of(
            "lowercase", Map.of("lowercase", true),
            "tokenize_intl", Map.of("tokenize", "intl"),
            "tokenize_char", Map.of("tokenize", "char"),
            "tokenize_none", Map.of("tokenize", "none"),
            "smooth_none", Map.of("smooth_method", "none"),
            "smooth_floor_0.1", Map.of("smooth_method", "floor", "smooth_value", 0.1),
            "smooth_add-k_1", Map.of("smooth_method", "add-k", "smooth_value", 1),
            "no_effective_order", Map.of("use_effective_order", false));

    /** An evaluator that fails on purpose, built as a third party would build it. */
    static final String FAILING_SOURCE = """
            package test.failing;

            import dev.argus.api.evaluator.EvaluationInput;
            import dev.argus.api.evaluator.Evaluator;
            import dev.argus.api.evaluator.Score;
            import org.pf4j.Extension;

            @Extension
            public class FailingEvaluator implements Evaluator {
                public String id() { return "failing"; }
                public Score evaluate(EvaluationInput input) {
                    if (input.output().equals("reject")) {
                        throw new IllegalArgumentException("cannot score 'reject'");
                    }
                    throw new IllegalStateException("broken on purpose");
                }
            }
            """;

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
        TestPlugins.copyBundled("evaluator-rules.jar", plugins);
        TestPlugins.compilePlugin(plugins.resolve("failing.jar"), "failing-evaluator", ">=0.1.0",
                "test.failing.FailingEvaluator", FAILING_SOURCE);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "scorer", "ARGUS_INIT_API_KEY", KEY));
        api = new ApiClient(argus, SECRET);
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    static ObjectNode body(String candidate, String reference, Map<String, Object> config) {
        ObjectNode body = ApiClient.JSON.createObjectNode().put("candidate", candidate);
        if (reference != null) {
            body.put("reference", reference);
        }
        ObjectNode c = body.putObject("config");
        config.forEach(c::putPOJO);
        return body;
    }

    static JsonNode score(String evaluator, ObjectNode body) throws Exception {
        JsonNode result = api.postOk("/api/v1/evaluators/" + evaluator + "/score", body);
        assertEquals(evaluator, result.path("evaluator").asText());
        double score = result.path("score").asDouble();
        assertTrue(score >= 0 && score <= 1, result.toString());
        return result;
    }

    @Test
    void listsEveryEvaluatorWithItsConfigSchema() throws Exception {
        JsonNode items = api.getOk("/api/v1/evaluators").path("items");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.path("id").asText(), item));
        assertTrue(byId.keySet().containsAll(List.of("bleu", "rouge", "rouge-1", "rouge-lsum", "exact-match", "failing")),
                byId.keySet().toString());
        List<String> ids = new ArrayList<>(byId.keySet());
        assertEquals(ids.stream().sorted().toList(), ids, "sorted by id");
        JsonNode bleu = byId.get("bleu");
        assertEquals("evaluator-text-metrics", bleu.path("plugin_id").asText());
        assertEquals("plugin", bleu.path("source").asText());
        assertEquals("active", bleu.path("state").asText());
        assertEquals("[\"reference\"]", bleu.path("requirements").toString());
        JsonNode tokenize = null;
        for (JsonNode field : bleu.path("config_schema").path("fields")) {
            if (field.path("name").asText().equals("tokenize")) {
                tokenize = field;
            }
        }
        assertEquals("enum", tokenize.path("type").asText());
        assertEquals("13a", tokenize.path("default").asText());
        assertEquals("[\"13a\",\"intl\",\"char\",\"none\"]", tokenize.path("allowed_values").toString());
        assertEquals("builtin", byId.get("exact-match").path("source").asText());
    }

    @Test
    void bleuAndRougeMatchEveryReferenceCaseAndVariant() throws Exception {
        JsonNode cases = ApiClient.JSON.readTree(CASES.toFile()).path("cases");
        assertEquals(16, cases.size());
        int checked = 0;
        for (JsonNode c : cases) {
            String id = c.path("id").asText();
            String candidate = c.path("candidate").asText();
            String reference = c.path("reference").asText();
            JsonNode expected = c.path("sacrebleu_sentence_bleu");
            JsonNode bleu = score("bleu", body(candidate, reference, Map.of()));
            JsonNode details = bleu.path("details");
            assertEquals(expected.path("score").asDouble(), details.path("bleu").asDouble(), EPS, id);
            assertEquals(Math.min(1, expected.path("score").asDouble() / 100), bleu.path("score").asDouble(), EPS, id);
            for (int n = 0; n < 4; n++) {
                assertEquals(expected.path("precisions").get(n).asDouble(), details.path("precisions").get(n).asDouble(),
                        EPS, id + " precision " + n);
            }
            assertEquals(expected.path("bp").asDouble(), details.path("bp").asDouble(), EPS, id);
            assertEquals(expected.path("sys_len").asInt(), details.path("sys_len").asInt(), id);
            assertEquals(expected.path("ref_len").asInt(), details.path("ref_len").asInt(), id);
            for (var variant : VARIANTS.entrySet()) {
                double score = score("bleu", body(candidate, reference, variant.getValue())).path("details")
                        .path("bleu").asDouble();
                assertEquals(c.path("sacrebleu_sentence_bleu_variants").path(variant.getKey()).asDouble(), score, EPS,
                        id + " " + variant.getKey());
            }
            for (boolean stemmer : List.of(false, true)) {
                JsonNode rouge = score("rouge", body(candidate, reference, Map.of("use_stemmer", stemmer)));
                JsonNode expectedRouge = c.path(stemmer ? "rouge_stemmer" : "rouge_no_stemmer");
                for (String kind : List.of("rouge1", "rouge2", "rougeL", "rougeLsum")) {
                    for (String part : List.of("precision", "recall", "fmeasure")) {
                        assertEquals(expectedRouge.path(kind).path(part).asDouble(),
                                rouge.path("details").path(kind).path(part).asDouble(), EPS,
                                id + " " + kind + " " + part + " stemmer=" + stemmer);
                    }
                }
                assertEquals(expectedRouge.path("rougeL").path("fmeasure").asDouble(), rouge.path("score").asDouble(),
                        EPS, "rouge's score is rougeL's F-measure by default");
            }
            checked++;
        }
        assertEquals(16, checked);
    }

    @Test
    void ruleEvaluatorsScoreFromTheirPluginJar() throws Exception {
        JsonNode listed = api.getOk("/api/v1/evaluators").path("items");
        List<String> rules = new ArrayList<>();
        listed.forEach(item -> {
            if (item.path("plugin_id").asText().equals("evaluator-rules")) {
                assertEquals("active", item.path("state").asText(), item.toString());
                rules.add(item.path("id").asText());
            }
        });
        assertEquals(List.of("contains", "exact_match", "json_schema", "json_valid", "keywords", "length", "refusal",
                "regex"), rules);
        // the schema is given as a JSON object; the bundled (shaded) validator checks it and the answer
        ObjectNode request = body("{\"name\":\"Ada\",\"age\":-3}", null, Map.of());
        ((ObjectNode) request.path("config")).putObject("schema").put("type", "object")
                .putObject("properties").putObject("age").put("type", "integer").put("minimum", 0);
        JsonNode schema = score("json_schema", request);
        assertEquals(0.0, schema.path("score").asDouble());
        assertEquals("fail", schema.path("label").asText());
        assertEquals("/age", schema.path("details").path("errors").get(0).path("path").asText(), schema.toString());
        assertEquals("minimum", schema.path("details").path("errors").get(0).path("keyword").asText());
        ((ObjectNode) request).put("candidate", "{\"name\":\"Ada\",\"age\":36}");
        assertEquals(1.0, score("json_schema", request).path("score").asDouble());
        ObjectNode keywords = body("Refunds take 5 days; keep your receipt.", null, Map.of());
        ((ObjectNode) keywords.path("config")).putArray("keywords").add("refund").add("receipt").add("invoice");
        JsonNode found = score("keywords", keywords);
        assertEquals(2.0 / 3, found.path("score").asDouble(), 1e-12);
        assertEquals("[\"invoice\"]", found.path("details").path("missing").toString());
        assertEquals(1.0, score("exact_match", body(" Paris ", "Paris", Map.of())).path("score").asDouble());
        assertEquals(0.0, score("refusal", body("I'm sorry, but I can't help with that.", null, Map.of()))
                .path("score").asDouble());
        assertError("json_schema", body("{}", null, Map.of("schema", "{\"type\":5}")), 400, "unscorable_input",
                "schema: not a valid");
        assertError("regex", body("x", null, Map.of()), 400, "unscorable_input", "pattern: required");
        assertError("regex", body("x", null, Map.of("pattern", "a", "ignore_case", "yes")), 400, "invalid_config",
                "ignore_case");
        assertError("exact_match", body("Paris", null, Map.of()), 400, "missing_reference", "reference");
    }

    @Test
    void badRequestsAre400sNamingTheField() throws Exception {
        assertError("bleu", body("a b c", "a b c", Map.of("tokenize", "moses")), 400, "invalid_config",
                "config: tokenize");
        assertError("bleu", body("a b c", "a b c", Map.of("colour", "blue")), 400, "invalid_config",
                "unknown setting colour");
        assertError("rouge", body("a b c", "a b c", Map.of("use_stemmer", "perhaps")), 400, "invalid_config",
                "use_stemmer");
        assertError("bleu", body("a b c", null, Map.of()), 400, "missing_reference", "reference");
        ObjectNode noCandidate = body("x", "a b c", Map.of());
        noCandidate.remove("candidate");
        assertError("bleu", noCandidate, 400, "invalid_request", "candidate");
        ObjectNode unknown = body("x", "y", Map.of());
        unknown.put("output", "x");
        assertError("bleu", unknown, 400, "invalid_request", "output: unknown field");
        ObjectNode notText = body("x", "y", Map.of());
        notText.put("reference", 3);
        assertError("bleu", notText, 400, "invalid_request", "reference: must be a string");
        // the plugin's own rejection of the input is the caller's error, with the plugin's reason
        assertError("bleu", body("one\ntwo", "one", Map.of("level", "corpus")), 400, "unscorable_input",
                "as many reference lines");
        assertError("no-such-evaluator", body("x", "y", Map.of()), 404, "not_found", "no-such-evaluator");
    }

    @Test
    void aFailingEvaluatorIsA502UntilItIsSuspended() throws Exception {
        assertError("failing", body("reject", null, Map.of()), 400, "unscorable_input", "cannot score 'reject'");
        // five faults in a row suspend the extension; the rejection above was not a fault
        for (int i = 0; i < 5; i++) {
            assertError("failing", body("boom", null, Map.of()), 502, "evaluator_failed", "broken on purpose");
        }
        assertError("failing", body("boom", null, Map.of()), 503, "evaluator_unavailable", "suspended");
        JsonNode listed = null;
        for (JsonNode item : api.getOk("/api/v1/evaluators").path("items")) {
            if (item.path("id").asText().equals("failing")) {
                listed = item;
            }
        }
        assertEquals("suspended", listed.path("state").asText());
        assertFalse(listed.path("problem").isNull());
    }

    static void assertError(String evaluator, ObjectNode body, int status, String code, String messagePart)
            throws Exception {
        HttpResponse<String> res = api.post("/api/v1/evaluators/" + evaluator + "/score", body);
        assertEquals(status, res.statusCode(), res.body());
        assertEquals(code, Fixtures.errorCode(res), res.body());
        assertTrue(Fixtures.errorMessage(res).contains(messagePart), res.body());
    }
}
