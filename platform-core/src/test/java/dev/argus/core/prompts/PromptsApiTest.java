package dev.argus.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.storage.jooq.Tables;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prompt and statistics routes over real HTTP and PostgreSQL, called with API keys: project A
 * comes from ARGUS_INIT, project B and the narrower keys are inserted with jOOQ. Prompt data is
 * written through {@link PromptStore} (writes need a member, which only user sessions provide;
 * {@link PromptWritesTest} covers the write routes).
 */
class PromptsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_A = "sk-promptsaaaaaaaaaaaaaaaaaaaaall";
    private static final String READ_A = "sk-promptsaaaaaaaaaaaaaaaaaaaread";
    private static final String INGEST_A = "sk-promptsaaaaaaaaaaaaaaaaaingest";
    private static final String READ_B = "sk-promptsbbbbbbbbbbbbbbbbbbbread";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static UUID projectA;
    static UUID projectB;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "acme",
                "ARGUS_INIT_API_KEY", "pk-promptsa:" + ALL_A));
        var dsl = argus.argus().database().dsl();
        projectA = dsl.select(Tables.PROJECTS.ID).from(Tables.PROJECTS).fetchOne(Tables.PROJECTS.ID);
        UUID org = dsl.select(Tables.PROJECTS.ORGANIZATION_ID).from(Tables.PROJECTS).fetchOne(Tables.PROJECTS.ORGANIZATION_ID);
        projectB = dsl.insertInto(Tables.PROJECTS).set(Tables.PROJECTS.ORGANIZATION_ID, org).set(Tables.PROJECTS.NAME, "other")
                .returning(Tables.PROJECTS.ID).fetchOne().getId();
        key(projectA, "pk-promptsaread", READ_A, "read");
        key(projectA, "pk-promptsaingest", INGEST_A, "ingest");
        key(projectB, "pk-promptsbread", READ_B, "read");

        PromptStore store = new PromptStore(dsl);
        PromptVersion.Author author = new PromptVersion.Author(null, null);
        store.createVersion(projectA, "greeting", new NewVersion("Hello {{name}}.\nHow can I help?", null, "gpt-4o-mini",
                Map.of("temperature", 0.2), "first", List.of("production")), author);
        store.createVersion(projectA, "greeting", new NewVersion("Hello {{ name }}!\nHow can I help with {{topic}}?\nBe brief.",
                null, "gpt-4o", Map.of("temperature", 0.2), "friendlier", List.of("staging")), author);
        store.createVersion(projectA, "support", new NewVersion(null, List.of(new ChatMessage("system", "You support {{product}}."),
                new ChatMessage("user", "{{question}}")), null, null, "chat", List.of("production")), author);
        for (String name : List.of("a-one", "b-two", "c-three")) {
            store.createVersion(projectA, name, new NewVersion("x", null, null, null, null, null), author);
        }
        // project B has a prompt with the same name: it must never leak into A, nor A's into B
        store.createVersion(projectB, "support", new NewVersion("B's own", null, null, null, null, List.of("production")), author);
    }

    private static void key(UUID project, String publicKey, String secret, String scope) {
        argus.argus().database().dsl().insertInto(Tables.API_KEYS).set(Tables.API_KEYS.PROJECT_ID, project)
                .set(Tables.API_KEYS.NAME, scope).set(Tables.API_KEYS.PUBLIC_KEY, publicKey)
                .set(Tables.API_KEYS.SECRET_SHA256, ApiKeyCredentials.hashSecret(secret))
                .set(Tables.API_KEYS.SCOPES, new String[] {scope}).execute();
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    private static HttpResponse<String> get(String key, String path) throws Exception {
        return argus.send(HttpRequest.newBuilder(argus.uri(path)).header("Authorization", "Bearer " + key));
    }

    private static HttpResponse<String> post(String key, String path, String body) throws Exception {
        return argus.send(HttpRequest.newBuilder(argus.uri(path)).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode ok(HttpResponse<String> res) throws Exception {
        assertEquals(200, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    private static void error(HttpResponse<String> res, int status, String code) throws Exception {
        assertEquals(status, res.statusCode(), res.body());
        assertEquals(code, JSON.readTree(res.body()).path("error").path("code").asText(), res.body());
    }

    @Test
    void getsAVersionByLabelVersionOrLatest() throws Exception {
        JsonNode production = ok(get(READ_A, "/api/v1/prompts/greeting"));
        assertEquals(1, production.path("version").asInt());
        assertEquals("text", production.path("type").asText());
        assertEquals("gpt-4o-mini", production.path("model").asText());
        assertEquals(0.2, production.path("parameters").path("temperature").asDouble());
        assertEquals("first", production.path("commit_message").asText());
        assertEquals("[\"production\"]", production.path("labels").toString());
        assertEquals("[\"name\"]", production.path("variables").toString());
        assertTrue(production.path("created_at").asText().endsWith("Z"));
        assertEquals(2, ok(get(READ_A, "/api/v1/prompts/greeting?label=staging")).path("version").asInt());
        assertEquals(2, ok(get(READ_A, "/api/v1/prompts/greeting?label=latest")).path("version").asInt());
        assertEquals(1, ok(get(ALL_A, "/api/v1/prompts/greeting?version=1")).path("version").asInt());
        assertEquals("[\"name\",\"topic\"]", ok(get(READ_A, "/api/v1/prompts/greeting?version=2")).path("variables").toString());
        error(get(READ_A, "/api/v1/prompts/greeting?version=9"), 404, "not_found");
        error(get(READ_A, "/api/v1/prompts/greeting?label=canary"), 404, "not_found");
        error(get(READ_A, "/api/v1/prompts/greeting?label=staging&version=1"), 400, "invalid_request");
        error(get(READ_A, "/api/v1/prompts/greeting?version=zero"), 400, "invalid_request");
        error(get(READ_A, "/api/v1/prompts/nope"), 404, "not_found");
    }

    @Test
    void anotherProjectsPromptsAreNotFound() throws Exception {
        error(get(READ_B, "/api/v1/prompts/greeting"), 404, "not_found");
        error(post(READ_B, "/api/v1/prompts/greeting/render", "{\"variables\":{\"name\":\"x\"}}"), 404, "not_found");
        error(get(READ_B, "/api/v1/prompts/greeting/resolve?user=u1"), 404, "not_found");
        error(get(READ_B, "/api/v1/prompts/greeting/versions"), 404, "not_found");
        error(get(READ_B, "/api/v1/prompts/greeting/diff?from=1&to=2"), 404, "not_found");
        // same name in both projects: each sees its own
        assertEquals("B's own", ok(get(READ_B, "/api/v1/prompts/support")).path("template").asText());
        assertEquals("chat", ok(get(READ_A, "/api/v1/prompts/support")).path("type").asText());
        JsonNode listB = ok(get(READ_B, "/api/v1/prompts"));
        assertEquals(1, listB.path("items").size());
        error(post(READ_B, "/api/v1/prompts/compare", """
                {"prompt":"greeting","metric":"score","variants":[{"version":1,"values":[1,2]},{"version":2,"values":[2,3]}]}"""),
                404, "not_found");
    }

    @Test
    void keysMayReadButNotWriteAndNeedTheReadScope() throws Exception {
        error(post(ALL_A, "/api/v1/prompts/greeting/versions", "{\"template\":\"x\"}"), 403, "forbidden");
        var put = argus.send(HttpRequest.newBuilder(argus.uri("/api/v1/prompts/greeting/labels/production"))
                .header("Authorization", "Bearer " + ALL_A).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":2}")));
        error(put, 403, "forbidden");
        error(get(INGEST_A, "/api/v1/prompts/greeting"), 403, "forbidden");
        error(post(INGEST_A, "/api/v1/stats/two-sample", "{\"a\":[1,2],\"b\":[3,4]}"), 403, "forbidden");
        assertEquals(401, argus.get("/api/v1/prompts/greeting").statusCode());
        assertEquals(401, argus.get("/api/v1/prompts").statusCode());
    }

    @Test
    void rendersTextAndChatPromptsAndNamesMissingVariables() throws Exception {
        JsonNode text = ok(post(READ_A, "/api/v1/prompts/greeting/render",
                "{\"label\":\"staging\",\"variables\":{\"name\":\"Ada\",\"topic\":42}}"));
        assertEquals("Hello Ada!\nHow can I help with 42?\nBe brief.", text.path("text").asText());
        assertEquals(2, text.path("version").asInt());
        assertEquals("gpt-4o", text.path("model").asText());
        JsonNode chat = ok(post(READ_A, "/api/v1/prompts/support/render",
                "{\"variables\":{\"product\":\"Argus\",\"question\":\"$1 {{not a var}}\"}}"));
        assertEquals("You support Argus.", chat.path("messages").get(0).path("content").asText());
        assertEquals("$1 {{not a var}}", chat.path("messages").get(1).path("content").asText());
        HttpResponse<String> missing = post(READ_A, "/api/v1/prompts/greeting/render",
                "{\"version\":2,\"variables\":{\"name\":\"Ada\"}}");
        error(missing, 400, "missing_variables");
        assertEquals("[\"topic\"]", JSON.readTree(missing.body()).path("error").path("details").path("missing").toString());
        error(post(READ_A, "/api/v1/prompts/greeting/render", "{\"variables\":{\"name\":{\"x\":1}}}"), 400, "invalid_request");
        error(post(READ_A, "/api/v1/prompts/greeting/render", "{\"varz\":{}}"), 400, "invalid_request");
    }

    @Test
    void diffsTwoVersionsLineByLine() throws Exception {
        JsonNode diff = ok(get(READ_A, "/api/v1/prompts/greeting/diff?from=1&to=2"));
        assertEquals(3, diff.path("added").asInt());
        assertEquals(2, diff.path("removed").asInt());
        assertEquals("[\"gpt-4o-mini\",\"gpt-4o\"]", diff.path("model_change").toString());
        assertFalse(diff.path("parameters_changed").asBoolean());
        JsonNode first = diff.path("lines").get(0);
        assertEquals("delete", first.path("op").asText());
        assertEquals(1, first.path("old_line").asInt());
        assertTrue(first.path("new_line").isNull());
        error(get(READ_A, "/api/v1/prompts/greeting/diff?from=1"), 400, "invalid_request");
    }

    @Test
    void listsPromptsAndHistoryWithKeysetPagination() throws Exception {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok(get(READ_A, "/api/v1/prompts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.path("items").forEach(i -> names.add(i.path("name").asText()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            pages++;
        } while (cursor != null);
        assertEquals(List.of("a-one", "b-two", "c-three", "greeting", "support"), names);
        assertEquals(3, pages);
        JsonNode greeting = ok(get(READ_A, "/api/v1/prompts?limit=4")).path("items").get(3);
        assertEquals(2, greeting.path("latest_version").asInt());
        assertEquals(1, greeting.path("labels").path("production").asInt());

        JsonNode first = ok(get(READ_A, "/api/v1/prompts/greeting/versions?limit=1"));
        assertEquals(2, first.path("items").get(0).path("version").asInt());
        JsonNode second = ok(get(READ_A, "/api/v1/prompts/greeting/versions?limit=1&cursor=" + first.path("next_cursor").asText()));
        assertEquals(1, second.path("items").get(0).path("version").asInt());
        assertTrue(second.path("next_cursor").isNull());
        error(get(READ_A, "/api/v1/prompts?limit=0"), 400, "invalid_request");
        error(get(READ_A, "/api/v1/prompts?cursor=!!!"), 400, "invalid_cursor");
    }

    @Test
    void resolveFallsBackToTheProductionLabelWithoutAnExperiment() throws Exception {
        JsonNode resolved = ok(get(READ_A, "/api/v1/prompts/greeting/resolve?user=alice"));
        assertEquals(1, resolved.path("version").asInt());
        assertEquals("label", resolved.path("source").asText());
        assertTrue(resolved.path("experiment").isNull());
        assertEquals("Hello {{name}}.\nHow can I help?", resolved.path("prompt").path("template").asText());
        error(get(READ_A, "/api/v1/prompts/greeting/resolve"), 400, "invalid_request");
        error(get(READ_A, "/api/v1/prompts/a-one/resolve?user=x"), 404, "not_found");
    }

    @Test
    void twoSampleMatchesTheSciPyReferenceOverHttp() throws Exception {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/stats/stats_cases.json")) {
            reference = JSON.readTree(in).path("two_sample_cases").get(0);
        }
        String body = "{\"a\":" + reference.path("group_a") + ",\"b\":" + reference.path("group_b") + "}";
        JsonNode r = ok(post(READ_A, "/api/v1/stats/two-sample", body));
        assertEquals(reference.path("welch_t_test").path("statistic").asDouble(), r.path("welch").path("statistic").asDouble(), 1e-9);
        assertEquals(reference.path("welch_t_test").path("df_welch_satterthwaite").asDouble(), r.path("welch").path("df").asDouble(), 1e-9);
        assertEquals(reference.path("welch_t_test").path("pvalue_two-sided").asDouble(), r.path("welch").path("p_value").asDouble(), 1e-9);
        JsonNode mw = reference.path("mann_whitney_u").path("auto_default");
        assertEquals(mw.path("U1").asDouble(), r.path("mann_whitney").path("u1").asDouble());
        assertEquals(mw.path("U2").asDouble(), r.path("mann_whitney").path("u2").asDouble());
        assertEquals(mw.path("pvalue").asDouble(), r.path("mann_whitney").path("p_value").asDouble(), 1e-9);
        assertEquals("exact", r.path("mann_whitney").path("method").asText());
        assertTrue(r.path("bootstrap").path("lower").asDouble() < r.path("effect").path("difference").asDouble());
        assertNotNull(r.path("sequential").path("p_value"));

        JsonNode asymptotic = ok(post(READ_A, "/api/v1/stats/two-sample", body.replace("}", ",\"mann_whitney_method\":\"asymptotic\",\"continuity\":false}")));
        assertEquals(reference.path("mann_whitney_u").path("asymptotic_no_continuity").path("pvalue").asDouble(),
                asymptotic.path("mann_whitney").path("p_value").asDouble(), 1e-9);
    }

    @Test
    void degenerateSamplesAnswerNullWithAReasonNeverNaN() throws Exception {
        HttpResponse<String> res = post(READ_A, "/api/v1/stats/two-sample", "{\"a\":[5],\"b\":[5,5]}");
        JsonNode r = ok(res);
        assertFalse(res.body().contains("NaN"), res.body());
        assertTrue(r.path("welch").path("p_value").isNull());
        assertTrue(r.path("welch").path("reason").asText().contains("at least 2"));
        assertTrue(r.path("a").path("sd").isNull());
        JsonNode flat = ok(post(READ_A, "/api/v1/proportions".replace("/proportions", "/stats/proportions"),
                "{\"success_a\":0,\"total_a\":10,\"success_b\":0,\"total_b\":10}"));
        assertTrue(flat.path("chi_square").path("p_value").isNull());
        assertFalse(flat.path("chi_square").path("reason").asText().isEmpty());
        assertEquals(1.0, flat.path("fisher").path("p_value").asDouble());
        assertTrue(flat.path("z_test").path("p_value").isNull());
    }

    @Test
    void proportionsMatchTheSciPyReferenceOverHttp() throws Exception {
        JsonNode r = ok(post(READ_A, "/api/v1/stats/proportions",
                "{\"success_a\":45,\"total_a\":100,\"success_b\":30,\"total_b\":100}"));
        assertEquals(4.181333333333333, r.path("chi_square").path("statistic").asDouble(), 1e-9);
        assertEquals(0.04087153408900628, r.path("chi_square").path("p_value").asDouble(), 1e-9);
        assertTrue(r.path("chi_square").path("yates").asBoolean());
        assertEquals(0.040534006514982644, r.path("fisher").path("p_value").asDouble(), 1e-9);
        assertEquals(1.9090909090909092, r.path("fisher").path("odds_ratio").asDouble(), 1e-9);
        assertEquals(2.1908902300206647, r.path("z_test").path("statistic").asDouble(), 1e-9);
        assertEquals(0.02845973691631055, r.path("z_test").path("p_value").asDouble(), 1e-9);
        JsonNode plain = ok(post(READ_A, "/api/v1/stats/proportions",
                "{\"success_a\":45,\"total_a\":100,\"success_b\":30,\"total_b\":100,\"yates\":false}"));
        assertEquals(0.028459736916310638, plain.path("chi_square").path("p_value").asDouble(), 1e-9);
    }

    @Test
    void badStatsInputIsA400NamingTheField() throws Exception {
        assertTrue(post(READ_A, "/api/v1/stats/two-sample", "{\"a\":[],\"b\":[1]}").body().contains("a needs"));
        assertTrue(post(READ_A, "/api/v1/stats/two-sample", "{\"a\":[1,null],\"b\":[1]}").body().contains("a[1]"));
        error(post(READ_A, "/api/v1/stats/two-sample", "{\"a\":[1],\"b\":[2],\"alternative\":\"sideways\"}"), 400, "invalid_request");
        assertTrue(post(READ_A, "/api/v1/stats/proportions", "{\"success_a\":11,\"total_a\":10,\"success_b\":1,\"total_b\":2}")
                .body().contains("success_a"));
        assertTrue(post(READ_A, "/api/v1/stats/proportions", "{\"success_a\":1,\"total_a\":10,\"success_b\":1}")
                .body().contains("total_b"));
        error(post(READ_A, "/api/v1/stats/proportions", "{\"success_a\":1,\"total_a\":10,\"success_b\":1,\"total_b\":0}"), 400, "invalid_request");
        error(post(READ_A, "/api/v1/stats/proportions", "not json"), 400, "invalid_json");
    }

    @Test
    void compareGivesAVerdictWithReasons() throws Exception {
        JsonNode r = ok(post(READ_A, "/api/v1/prompts/compare", """
                {"prompt":"greeting","metric":"success_rate",
                 "variants":[{"version":1,"successes":300,"total":1000},{"version":2,"successes":360,"total":1000}]}"""));
        assertEquals("proportion", r.path("kind").asText());
        assertEquals("higher", r.path("direction").asText());
        assertEquals("winner", r.path("verdict").path("outcome").asText());
        assertEquals(2, r.path("verdict").path("winner_version").asInt());
        JsonNode c = r.path("comparisons").get(0);
        assertEquals("z_test", c.path("primary_test").asText());
        assertEquals(c.path("tests").path("z_test").path("p_value").asDouble(), c.path("p_value").asDouble());
        assertTrue(r.path("explanation").asText().contains("Version 2 is the winner"));

        JsonNode latency = ok(post(READ_A, "/api/v1/prompts/compare", """
                {"metric":"latency_ms","variants":[{"version":1,"values":[510,480,530,495,505]},
                                                   {"version":2,"values":[500,470,540,490,515]}]}"""));
        assertEquals("lower", latency.path("direction").asText());
        assertEquals("continuous", latency.path("kind").asText());
        assertFalse(latency.path("verdict").path("outcome").asText().equals("winner"));
        assertEquals("welch", latency.path("comparisons").get(0).path("primary_test").asText());

        error(post(READ_A, "/api/v1/prompts/compare", """
                {"metric":"x","variants":[{"version":1,"values":[1,2]},{"version":2,"successes":1,"total":2}]}"""), 400, "invalid_request");
        error(post(READ_A, "/api/v1/prompts/compare", """
                {"metric":"x","variants":[{"version":1,"values":[1,2]}]}"""), 400, "invalid_request");
        error(post(READ_A, "/api/v1/prompts/compare", """
                {"prompt":"greeting","metric":"x","variants":[{"version":1,"values":[1,2]},{"version":7,"values":[1,2]}]}"""), 404, "not_found");
    }
}
