package dev.argus.core.ingest;

import static dev.argus.core.storage.jooq.Tables.API_KEYS;
import static dev.argus.core.storage.jooq.Tables.CALL_ROLLUP_MINUTE;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.ingest.pricing.ModelPrice;
import dev.argus.core.ingest.pricing.PriceBook;
import dev.argus.core.ingest.pricing.BundledPrices;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** REST ingest against a real Argus and PostgreSQL: validation, idempotency, cost, rollups, back-pressure. */
class IngestApiTest {

    static final String KEY = "pk-ingest1234:sk-ingest000000000000000secret";
    static final String SECRET = "sk-ingest000000000000000secret";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static ApiClient api;
    static DSLContext dsl;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "acme", "ARGUS_INIT_API_KEY", KEY,
                "ARGUS_INGEST_QUEUE_CAPACITY", "3"));
        api = new ApiClient(argus, SECRET);
        dsl = argus.argus().database().dsl();
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    static ObjectNode call(String provider, String model, Instant startedAt) {
        ObjectNode c = ApiClient.JSON.createObjectNode();
        c.put("provider", provider);
        c.put("model", model);
        c.put("started_at", startedAt.toString());
        c.put("latency_ms", 120);
        c.put("input", "hello");
        c.put("output", "world");
        return c;
    }

    static ObjectNode batch(ObjectNode... calls) {
        ObjectNode body = ApiClient.JSON.createObjectNode();
        ArrayNode array = body.putArray("calls");
        for (ObjectNode c : calls) {
            array.add(c);
        }
        return body;
    }

    /** The stored cost, with trailing zeros removed (numeric(24,12) pads them). */
    static BigDecimal cost(UUID id) {
        BigDecimal cost = dsl.select(LLM_CALLS.COST_USD).from(LLM_CALLS).where(LLM_CALLS.ID.eq(id)).fetchOne().value1();
        if (cost == null) {
            return null;
        }
        BigDecimal stripped = cost.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static int stored() {
        return dsl.fetchCount(LLM_CALLS);
    }

    @Test
    void oneBadCallRejectsTheBatchNamingFieldAndIndex() throws Exception {
        int before = stored();
        ObjectNode bad = call("openai", "gpt-4o-mini", Instant.now());
        bad.put("started_at", "yesterday");
        ObjectNode badUsage = call("openai", "gpt-4o-mini", Instant.now());
        badUsage.putObject("usage").put("input_tokens", -3);
        HttpResponse<String> res = api.post("/api/v1/ingest",
                batch(call("openai", "gpt-4o-mini", Instant.now()), call("openai", "gpt-4o", Instant.now()), bad, badUsage));
        assertEquals(400, res.statusCode(), res.body());
        JsonNode error = ApiClient.JSON.readTree(res.body()).path("error");
        assertEquals("invalid_call", error.path("code").asText());
        assertTrue(error.path("message").asText().startsWith("calls[2].started_at"), error.toString());
        JsonNode problems = error.path("details").path("errors");
        assertEquals(2, problems.path(0).path("index").asInt());
        assertEquals("calls[2].started_at", problems.path(0).path("field").asText());
        assertEquals("calls[3].usage.input_tokens", problems.path(1).path("field").asText());
        assertEquals(before, stored());

        ObjectNode unknown = call("openai", "gpt-4o", Instant.now());
        unknown.put("colour", "blue");
        res = api.post("/api/v1/ingest", batch(unknown));
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("calls[0].colour"), res.body());

        ObjectNode errorWithoutCategory = call("openai", "gpt-4o", Instant.now());
        errorWithoutCategory.put("status", "error");
        res = api.post("/api/v1/ingest", batch(errorWithoutCategory));
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("calls[0].error"), res.body());

        ObjectNode nul = call("openai", "gpt-4o", Instant.now());
        nul.putObject("metadata").put("note", "a\u0000b");
        res = api.post("/api/v1/ingest", batch(nul));
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("calls[0].metadata.note"), res.body());

        assertEquals(400, api.post("/api/v1/ingest", "{\"calls\":[]}").statusCode());
        assertEquals(400, api.post("/api/v1/ingest", "{\"calls\": [ {").statusCode());
        assertEquals(before, stored());
    }

    @Test
    void clientIdsAreIdempotent() throws Exception {
        UUID id = UUID.randomUUID();
        ObjectNode c = call("openai", "gpt-4o-mini", Instant.now());
        c.put("id", id.toString());
        JsonNode first = api.postOk("/api/v1/ingest", batch(c, c.deepCopy()));
        assertEquals(2, first.path("accepted").asInt());
        assertEquals(1, first.path("duplicates").asInt());
        assertEquals(id.toString(), first.path("ids").get(0).asText());
        JsonNode again = api.postOk("/api/v1/ingest", batch(c));
        assertEquals(1, again.path("duplicates").asInt());
        assertEquals(1, dsl.fetchCount(LLM_CALLS, LLM_CALLS.ID.eq(id)));
        Record rollup = dsl.select(CALL_ROLLUP_MINUTE.CALLS).from(CALL_ROLLUP_MINUTE)
                .where(CALL_ROLLUP_MINUTE.MODEL.eq("gpt-4o-mini"),
                        CALL_ROLLUP_MINUTE.MINUTE.eq(Instant.parse(c.get("started_at").asText()).truncatedTo(ChronoUnit.MINUTES)
                                .atOffset(java.time.ZoneOffset.UTC))).fetchOne();
        assertTrue(rollup != null);
    }

    @Test
    void generatedIdsAreVersion7AndMatchTheStart() throws Exception {
        Instant start = Instant.parse("2026-11-28T09:30:00.123456Z");
        JsonNode res = api.postOk("/api/v1/ingest", batch(call("mock", "mock-small", start)));
        UUID id = UUID.fromString(res.path("ids").get(0).asText());
        assertEquals(7, id.version());
        assertEquals(start.truncatedTo(ChronoUnit.MILLIS), UuidV7.timestamp(id));
        assertEquals(start.atOffset(java.time.ZoneOffset.UTC),
                dsl.select(LLM_CALLS.STARTED_AT).from(LLM_CALLS).where(LLM_CALLS.ID.eq(id)).fetchOne().value1());
    }

    @Test
    void costIsExactWithCachedAndReasoningTokens() throws Exception {
        Instant now = Instant.now();
        ObjectNode openai = call("openai", "gpt-5-mini", now);
        openai.putObject("usage").put("input_tokens", 1000).put("cache_read_input_tokens", 500)
                .put("output_tokens", 300).put("reasoning_tokens", 200);
        ObjectNode anthropic = call("anthropic", "claude-sonnet-4-5", now);
        anthropic.putObject("usage").put("input_tokens", 100).put("cache_read_input_tokens", 1000)
                .put("cache_write_input_tokens", 2000).put("output_tokens", 50);
        ObjectNode local = call("ollama", "llama3.2", now);
        local.putObject("usage").put("input_tokens", 5000).put("output_tokens", 5000);
        ObjectNode unknown = call("openai", "gpt-unknown-9", now);
        unknown.putObject("usage").put("input_tokens", 10).put("output_tokens", 10);
        JsonNode res = api.postOk("/api/v1/ingest", batch(openai, anthropic, local, unknown));
        assertEquals("openai/gpt-unknown-9", res.path("unpriced_models").get(0).asText());
        List<UUID> ids = new ArrayList<>();
        res.path("ids").forEach(n -> ids.add(UUID.fromString(n.asText())));
        // (1000*0.25 + 500*0.025 + 100*2.00 + 200*2.00) / 1e6
        assertEquals(new BigDecimal("0.0008625"), cost(ids.get(0)));
        // (100*3 + 1000*0.30 + 2000*3.75 + 50*15) / 1e6
        assertEquals(new BigDecimal("0.00885"), cost(ids.get(1)));
        assertEquals(BigDecimal.ZERO, cost(ids.get(2)));
        assertNull(cost(ids.get(3)));
        JsonNode shown = api.getOk("/api/v1/calls/" + ids.get(3));
        assertTrue(shown.path("cost_usd").isNull());
        assertTrue(shown.path("price_missing").asBoolean());
        assertEquals("0.0008625", api.getOk("/api/v1/calls/" + ids.get(0)).path("cost_usd").decimalValue().toPlainString());
    }

    @Test
    void projectPricesOverrideTheBundledTableFromTheirDate() throws Exception {
        UUID project = dsl.select(PROJECTS.ID).from(PROJECTS).where(PROJECTS.NAME.eq("acme")).fetchOne().value1();
        PriceBook book = new PriceBook(dsl, BundledPrices.load());
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        book.put(project, List.of(new ModelPrice("acme-llm", "thinker-1", today.minusDays(30), new BigDecimal("1.10"),
                new BigDecimal("4.40"), new BigDecimal("0.275"), null, new BigDecimal("7.00"))));
        // the server caches a project's prices for a short time; this node's book is fresh
        ModelPrice price = book.table(project).find("acme-llm", "thinker-1", today).orElseThrow();
        // 1000 in, 4000 cache read, 2500 out of which 2000 reasoning
        BigDecimal cost = price.cost(new dev.argus.api.Usage(1000, 2500, 4000, 0, 2000));
        // (1000*1.10 + 4000*0.275 + 500*4.40 + 2000*7.00) / 1e6
        assertEquals(new BigDecimal("0.0184"), cost);
        assertTrue(book.table(project).find("acme-llm", "thinker-1", today.minusDays(31)).isEmpty());
        JsonNode prices = api.getOk("/api/v1/prices");
        boolean custom = false;
        for (JsonNode p : prices.path("items")) {
            if (p.path("model").asText().equals("thinker-1")) {
                custom = p.path("source").asText().equals("custom") && p.path("reasoning_per_million").decimalValue()
                        .compareTo(new BigDecimal("7")) == 0;
            }
        }
        assertTrue(custom, prices.toString());
        // changing prices needs an admin user; an API key is refused
        assertEquals(403, api.put("/api/v1/prices", "{\"prices\":[]}").statusCode());
    }

    @Test
    void rollupsEqualAggregatesOfRawRows() throws Exception {
        Random random = new Random(7);
        String[] models = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5"};
        String[] categories = {"rate_limit", "timeout", "server_error", "overloaded"};
        Instant base = Instant.now().minus(20, ChronoUnit.MINUTES);
        List<CompletableFuture<Void>> posts = new ArrayList<>();
        for (int request = 0; request < 12; request++) {
            List<ObjectNode> calls = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                String model = models[random.nextInt(models.length)];
                ObjectNode c = call(model.startsWith("claude") ? "anthropic" : "openai", model,
                        base.plusMillis(random.nextInt(15 * 60_000)));
                c.put("latency_ms", 20 + (long) Math.exp(random.nextDouble() * 10));
                if (random.nextInt(3) == 0) {
                    c.put("time_to_first_token_ms", 1 + random.nextInt(10));
                }
                c.putObject("usage").put("input_tokens", random.nextInt(2000)).put("output_tokens", random.nextInt(500))
                        .put("cache_read_input_tokens", random.nextInt(100));
                if (random.nextInt(4) == 0) {
                    c.putObject("prompt").put("name", "summarise").put("version", 1 + random.nextInt(2));
                }
                if (random.nextInt(5) == 0) {
                    c.put("status", "error");
                    c.putObject("error").put("category", categories[random.nextInt(categories.length)]);
                }
                calls.add(c);
            }
            ObjectNode body = batch(calls.toArray(ObjectNode[]::new));
            posts.add(CompletableFuture.runAsync(() -> {
                try {
                    HttpResponse<String> res;
                    do { // the queue holds 3 calls in this test, so concurrent requests may be turned away
                        res = api.post("/api/v1/ingest", body);
                        if (res.statusCode() == 503) {
                            assertTrue(res.headers().firstValue("Retry-After").isPresent());
                            Thread.sleep(20);
                        }
                    } while (res.statusCode() == 503);
                    assertEquals(200, res.statusCode(), res.body());
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).join();

        String sql = """
                select count(*) from (
                  (select project_id, date_trunc('minute', started_at) as minute, provider, model, prompt_name, prompt_version,
                          count(*) calls, count(*) filter (where status = 'error') errors, sum(input_tokens) i,
                          sum(output_tokens) o, sum(cache_read_input_tokens) cr, coalesce(sum(cost_usd), 0) cost,
                          count(*) filter (where cost_usd is null) unpriced, sum(latency_ms) ls, max(latency_ms) lm,
                          coalesce(sum(time_to_first_token_ms), 0) ts, count(time_to_first_token_ms) tc
                   from llm_calls group by 1, 2, 3, 4, 5, 6
                   except
                   select project_id, minute, provider, model, prompt_name, prompt_version, calls, error_calls, input_tokens,
                          output_tokens, cache_read_input_tokens, cost_usd, unpriced_calls, latency_sum_ms, latency_max_ms,
                          ttft_sum_ms, ttft_calls
                   from call_rollup_minute)
                  union all
                  (select project_id, minute, provider, model, prompt_name, prompt_version, calls, error_calls, input_tokens,
                          output_tokens, cache_read_input_tokens, cost_usd, unpriced_calls, latency_sum_ms, latency_max_ms,
                          ttft_sum_ms, ttft_calls
                   from call_rollup_minute
                   except
                   select project_id, date_trunc('minute', started_at), provider, model, prompt_name, prompt_version,
                          count(*), count(*) filter (where status = 'error'), sum(input_tokens), sum(output_tokens),
                          sum(cache_read_input_tokens), coalesce(sum(cost_usd), 0), count(*) filter (where cost_usd is null),
                          sum(latency_ms), max(latency_ms), coalesce(sum(time_to_first_token_ms), 0),
                          count(time_to_first_token_ms)
                   from llm_calls group by 1, 2, 3, 4, 5, 6)) diff
                """;
        assertEquals(0, ((Number) dsl.fetchValue(sql)).intValue());
        assertEquals(dsl.fetchCount(LLM_CALLS), ((Number) dsl.fetchValue("select sum(calls) from call_rollup_minute")).intValue());
        // errors by category, rollup vs raw
        for (String category : categories) {
            long raw = dsl.fetchCount(LLM_CALLS, LLM_CALLS.ERROR_CATEGORY.eq(category));
            Number rolled = (Number) dsl.fetchValue("select coalesce(sum((errors_by_category->>?)::bigint), 0) from call_rollup_minute", category);
            assertEquals(raw, rolled.longValue(), category);
        }
        // histograms: per rollup row, the buckets of the raw latencies
        for (var row : dsl.selectFrom(CALL_ROLLUP_MINUTE).fetch()) {
            long[] expected = new long[LatencyHistogram.BUCKETS];
            for (Long latency : dsl.select(LLM_CALLS.LATENCY_MS).from(LLM_CALLS)
                    .where(LLM_CALLS.PROJECT_ID.eq(row.getProjectId()), LLM_CALLS.PROVIDER.eq(row.getProvider()),
                            LLM_CALLS.MODEL.eq(row.getModel()), LLM_CALLS.PROMPT_NAME.isNotDistinctFrom(row.getPromptName()),
                            LLM_CALLS.PROMPT_VERSION.isNotDistinctFrom(row.getPromptVersion()),
                            LLM_CALLS.STARTED_AT.ge(row.getMinute()), LLM_CALLS.STARTED_AT.lt(row.getMinute().plusMinutes(1)))
                    .fetch(LLM_CALLS.LATENCY_MS)) {
                expected[LatencyHistogram.bucketOf(latency)]++;
            }
            long[] actual = new long[LatencyHistogram.BUCKETS];
            Long[] stored = row.getLatencyHistogram();
            for (int i = 0; i < stored.length; i++) {
                actual[i] = stored[i];
            }
            assertArrayEquals(expected, actual, row.toString());
        }
    }

    @Test
    void fullQueueAndDatabaseFailureAnswer503AndStoreNothing() throws Exception {
        String url = argus.database().url();
        try (Connection blocker = DriverManager.getConnection(url, argus.database().user(), argus.database().password())) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table llm_call_ids in exclusive mode");
            }
            ObjectNode three = batch(call("openai", "gpt-4o", Instant.now()), call("openai", "gpt-4o", Instant.now()),
                    call("openai", "gpt-4o", Instant.now()));
            CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return api.post("/api/v1/ingest", three);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            // the writer holds three calls while the table is locked, so the queue (capacity 3) is full
            HttpResponse<String> refused = null;
            for (int i = 0; i < 200 && (refused == null || refused.statusCode() != 503); i++) {
                Thread.sleep(10);
                refused = api.post("/api/v1/ingest", batch(call("openai", "gpt-4o", Instant.now())));
                assertTrue(refused.statusCode() == 503 || refused.statusCode() == 200, refused.body());
            }
            assertEquals(503, refused.statusCode());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("ingest_queue_full", ApiClient.JSON.readTree(refused.body()).path("error").path("code").asText());
            assertFalse(waiting.isDone());
            blocker.rollback();
            assertEquals(200, waiting.get().statusCode());
        }

        int before = stored();
        dsl.execute("alter table llm_call_ids rename to llm_call_ids_away");
        try {
            HttpResponse<String> res = api.post("/api/v1/ingest", batch(call("openai", "gpt-4o", Instant.now())));
            assertEquals(503, res.statusCode(), res.body());
            assertEquals("store_unavailable", ApiClient.JSON.readTree(res.body()).path("error").path("code").asText());
            assertTrue(res.headers().firstValue("Retry-After").isPresent());
        } finally {
            dsl.execute("alter table llm_call_ids_away rename to llm_call_ids");
        }
        assertEquals(before, stored());
        assertEquals(200, api.post("/api/v1/ingest", batch(call("openai", "gpt-4o", Instant.now()))).statusCode());
    }

    @Test
    void anotherProjectsCallIsNotFound() throws Exception {
        JsonNode mine = api.postOk("/api/v1/ingest", batch(call("openai", "gpt-4o", Instant.now())));
        String id = mine.path("ids").get(0).asText();
        UUID other = dsl.insertInto(PROJECTS).set(PROJECTS.ORGANIZATION_ID,
                        dsl.select(PROJECTS.ORGANIZATION_ID).from(PROJECTS).limit(1).fetchOne().value1())
                .set(PROJECTS.NAME, "other").returning(PROJECTS.ID).fetchOne().getId();
        ApiKeyCredentials otherKey = ApiKeyCredentials.parse("pk-other00001:sk-other0000000000000000secret");
        dsl.insertInto(API_KEYS).set(API_KEYS.PROJECT_ID, other).set(API_KEYS.NAME, "other")
                .set(API_KEYS.PUBLIC_KEY, otherKey.publicKey())
                .set(API_KEYS.SECRET_SHA256, ApiKeyCredentials.hashSecret(otherKey.secret()))
                .set(API_KEYS.SCOPES, new String[] {"ingest", "read"}).execute();
        ApiClient stranger = new ApiClient(argus, otherKey.secret());
        assertEquals(404, stranger.get("/api/v1/calls/" + id).statusCode());
        assertEquals(0, stranger.getOk("/api/v1/calls").path("items").size());
        assertEquals(200, api.get("/api/v1/calls/" + id).statusCode());
        // the same client id in two projects is two calls
        ObjectNode c = call("openai", "gpt-4o", Instant.now());
        c.put("id", id);
        assertEquals(0, stranger.postOk("/api/v1/ingest", batch(c)).path("duplicates").asInt());
        assertEquals(404, api.get("/api/v1/calls/not-a-uuid").statusCode());
    }

    @Test
    void readKeysMayNotIngest() throws Exception {
        Map<String, Object> unused = new HashMap<>();
        assertTrue(unused.isEmpty());
        assertEquals(401, argus.send(java.net.http.HttpRequest.newBuilder(argus.uri("/api/v1/ingest"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
    }
}
