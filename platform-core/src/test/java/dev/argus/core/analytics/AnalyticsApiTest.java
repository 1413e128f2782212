package dev.argus.core.analytics;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.RunningArgus;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Analytics answers against the raw rows: randomized calls are ingested over HTTP, and every figure the
 * API derives from the rollups is recomputed here with GROUP BY over {@code llm_calls}.
 */
class AnalyticsApiTest {

    static final String KEY = "pk-analytics123:sk-analytics0000000000000secret";
    static final String SECRET = "sk-analytics0000000000000secret";
    /** The histogram's stated bound on a quantile's relative error (bucket growth 2^(1/4)). */
    static final double QUANTILE_ERROR = Math.pow(2, 0.25) - 1;

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static ApiClient api;
    static DSLContext dsl;
    static Instant from;
    static Instant to;

    @BeforeAll
    static void start() throws Exception {
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "analytics", "ARGUS_INIT_API_KEY", KEY));
        api = new ApiClient(argus, SECRET);
        dsl = argus.argus().database().dsl();
        Random random = new Random(System.nanoTime());
        String[][] models = {{"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"}, {"anthropic", "claude-sonnet-4-5"}};
        String[] categories = {"rate_limit", "timeout", "server_error"};
        to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        from = to.minus(3, ChronoUnit.HOURS);
        for (int batch = 0; batch < 4; batch++) {
            ObjectNode body = ApiClient.JSON.createObjectNode();
            ArrayNode calls = body.putArray("calls");
            for (int i = 0; i < 150; i++) {
                String[] pm = models[random.nextInt(models.length)];
                // a third in the previous period, the rest in the current one
                long offsetSeconds = random.nextInt(3) == 0 ? -1 - random.nextInt(3 * 3600)
                        : random.nextInt(3 * 3600 - 61);
                Instant startedAt = from.plusSeconds(offsetSeconds).plusMillis(random.nextInt(1000));
                ObjectNode c = calls.addObject();
                c.put("provider", pm[0]).put("model", pm[1]).put("started_at", startedAt.toString())
                        .put("latency_ms", 50 + (long) Math.exp(random.nextDouble() * Math.log(20_000)));
                c.putArray("input").addObject().put("role", "user").put("content", "q" + i);
                c.putObject("output").put("role", "assistant").put("content", "a" + i);
                c.putObject("usage").put("input_tokens", random.nextInt(2000)).put("output_tokens", random.nextInt(800));
                c.put("user_id", "user-" + random.nextInt(6));
                if (random.nextInt(3) > 0) {
                    c.putObject("prompt").put("name", random.nextBoolean() ? "support" : "summary")
                            .put("version", 1 + random.nextInt(2));
                }
                c.putObject("rate_limit").put("requests_remaining", random.nextInt(1000))
                        .put("tokens_remaining", random.nextInt(100_000));
                if (random.nextInt(7) == 0) {
                    c.put("status", "error");
                    c.putObject("error").put("category", categories[random.nextInt(categories.length)])
                            .put("message", "failed").put("http_status", 500);
                }
            }
            api.postOk("/api/v1/ingest", body);
        }
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    static Condition range(Instant a, Instant b) {
        return DSL.and(LLM_CALLS.STARTED_AT.ge(a.atOffset(ZoneOffset.UTC)), LLM_CALLS.STARTED_AT.lt(b.atOffset(ZoneOffset.UTC)));
    }

    static String q(Instant a, Instant b) {
        return "from=" + a + "&to=" + b;
    }

    static List<Long> latencies(Condition where) {
        return dsl.select(LLM_CALLS.LATENCY_MS).from(LLM_CALLS).where(where).orderBy(LLM_CALLS.LATENCY_MS)
                .fetch(LLM_CALLS.LATENCY_MS);
    }

    /** The nearest-rank quantile the histogram approximates. */
    static double exactQuantile(List<Long> sorted, double q) {
        return sorted.get((int) Math.max(0, Math.ceil(q * sorted.size()) - 1));
    }

    static void assertQuantile(double exact, double estimate, String what) {
        assertTrue(Math.abs(estimate - exact) <= exact * QUANTILE_ERROR + 1,
                what + ": histogram gave " + estimate + ", raw rows " + exact);
    }

    @Test
    void theDefaultRangeIsTheLast24Hours() throws Exception {
        JsonNode cards = api.getOk("/api/v1/metrics/dashboard").path("cards");
        assertEquals("1d", cards.path("total_requests").path("period").asText(), cards.toString());
    }

    @Test
    void dashboardEqualsRawAggregates() throws Exception {
        JsonNode cards = api.getOk("/api/v1/metrics/dashboard?" + q(from, to)).path("cards");
        Record raw = dsl.select(DSL.count(), DSL.avg(LLM_CALLS.LATENCY_MS), DSL.sum(LLM_CALLS.COST_USD),
                        DSL.count().filterWhere(LLM_CALLS.STATUS.eq("success")), DSL.countDistinct(LLM_CALLS.PROMPT_NAME))
                .from(LLM_CALLS).where(range(from, to)).fetchOne();
        int calls = raw.get(0, Integer.class);
        assertTrue(calls > 100);
        assertEquals(calls, cards.path("total_requests").path("value").asLong());
        assertEquals(raw.get(1, BigDecimal.class).doubleValue(), cards.path("avg_latency_ms").path("value").asDouble(), 1e-6);
        assertEquals(0, raw.get(2, BigDecimal.class).compareTo(cards.path("total_cost_usd").path("value").decimalValue()));
        assertEquals(raw.get(3, Integer.class) / (double) calls, cards.path("success_rate").path("value").asDouble(), 1e-9);
        assertEquals(raw.get(4, Integer.class).longValue(), cards.path("active_prompts").path("value").asLong());
        assertQuantile(exactQuantile(latencies(range(from, to)), 0.95), cards.path("p95_latency_ms").path("value").asDouble(),
                "p95");
        assertTrue(cards.path("avg_evaluation_score").path("value").isNull(), "no scores were given in the range");

        int previous = dsl.fetchCount(LLM_CALLS, range(from.minus(3, ChronoUnit.HOURS), from));
        JsonNode total = cards.path("total_requests");
        assertEquals((calls - previous) / (double) previous, total.path("change").asDouble(), 1e-9);
        assertEquals(calls > previous * 1.01 ? "up" : calls < previous * 0.99 ? "down" : "stable", total.path("trend").asText());
        assertEquals("3h", total.path("period").asText());
    }

    @Test
    void requestsPerMinuteAndModelEqualRawGroupBy() throws Exception {
        JsonNode body = api.getOk("/api/v1/metrics/timeseries?metric=requests&interval=1m&group_by=model&" + q(from, to));
        assertEquals("1m", body.path("interval").asText());
        Map<String, Long> api = new HashMap<>();
        for (JsonNode s : body.path("series")) {
            for (JsonNode p : s.path("points")) {
                if (p.path("v").asLong() > 0) {
                    api.put(s.path("key").asText() + "|" + Instant.parse(p.path("t").asText()), p.path("v").asLong());
                }
            }
        }
        var minute = DSL.field("date_trunc('minute', {0} at time zone 'UTC')", java.time.LocalDateTime.class,
                LLM_CALLS.STARTED_AT);
        Map<String, Long> raw = new HashMap<>();
        for (var r : dsl.select(LLM_CALLS.MODEL, minute, DSL.count()).from(LLM_CALLS).where(range(from, to))
                .groupBy(LLM_CALLS.MODEL, minute).fetch()) {
            raw.put(r.value1() + "|" + r.value2().toInstant(ZoneOffset.UTC), r.value3().longValue());
        }
        assertEquals(raw, api);
    }

    @Test
    void hourlyLatencyAndErrorRateMatchRawRows() throws Exception {
        JsonNode p95 = api.getOk("/api/v1/metrics/timeseries?metric=latency_p95&interval=1h&" + q(from, to));
        JsonNode errors = api.getOk("/api/v1/metrics/timeseries?metric=error_rate&interval=1h&" + q(from, to));
        JsonNode tokens = api.getOk("/api/v1/metrics/timeseries?metric=tokens_in&interval=1h&" + q(from, to));
        int checked = 0;
        for (int i = 0; i < p95.path("series").get(0).path("points").size(); i++) {
            JsonNode point = p95.path("series").get(0).path("points").get(i);
            Instant t = Instant.parse(point.path("t").asText());
            Condition hour = range(t, t.plus(1, ChronoUnit.HOURS));
            assertQuantile(exactQuantile(latencies(hour), 0.95), point.path("v").asDouble(), "p95 at " + t);
            Record raw = dsl.select(DSL.count(), DSL.count().filterWhere(LLM_CALLS.STATUS.eq("error")),
                    DSL.sum(LLM_CALLS.INPUT_TOKENS)).from(LLM_CALLS).where(hour).fetchOne();
            assertEquals(raw.get(1, Integer.class) / raw.get(0, Double.class),
                    valueAt(errors, t).asDouble(), 1e-9, "error rate at " + t);
            assertEquals(raw.get(2, Long.class), valueAt(tokens, t).asLong(), "tokens at " + t);
            checked++;
        }
        assertTrue(checked >= 3, "hours checked: " + checked);
    }

    static JsonNode valueAt(JsonNode body, Instant t) {
        for (JsonNode p : body.path("series").get(0).path("points")) {
            if (Instant.parse(p.path("t").asText()).equals(t)) {
                return p.path("v");
            }
        }
        throw new AssertionError("no point at " + t);
    }

    @Test
    void errorCategorySeriesCountEachCategory() throws Exception {
        JsonNode body = api.getOk("/api/v1/metrics/timeseries?metric=requests&interval=1h&group_by=error_category&"
                + q(from, to));
        Map<String, Long> apiTotals = new HashMap<>();
        for (JsonNode s : body.path("series")) {
            long sum = 0;
            for (JsonNode p : s.path("points")) {
                sum += p.path("v").asLong();
            }
            apiTotals.put(s.path("key").asText(), sum);
        }
        Map<String, Long> raw = new HashMap<>();
        dsl.select(LLM_CALLS.ERROR_CATEGORY, DSL.count()).from(LLM_CALLS)
                .where(range(Instant.parse(body.path("from").asText()), Instant.parse(body.path("to").asText())),
                        LLM_CALLS.ERROR_CATEGORY.isNotNull()).groupBy(LLM_CALLS.ERROR_CATEGORY)
                .forEach(r -> raw.put(r.value1(), r.value2().longValue()));
        assertEquals(raw, apiTotals);
    }

    @Test
    void costsByModelAndUserEqualRawSums() throws Exception {
        for (String group : List.of("model", "user")) {
            JsonNode body = api.getOk("/api/v1/analytics/costs?group_by=" + group + "&" + q(from, to));
            var field = group.equals("model") ? LLM_CALLS.MODEL : LLM_CALLS.USER_ID;
            Map<String, BigDecimal> raw = new HashMap<>();
            dsl.select(field, DSL.coalesce(DSL.sum(LLM_CALLS.COST_USD), BigDecimal.ZERO)).from(LLM_CALLS)
                    .where(range(from, to)).groupBy(field).forEach(r -> raw.put(r.value1(), r.value2()));
            assertEquals(raw.size(), body.path("items").size(), group);
            for (JsonNode item : body.path("items")) {
                assertEquals(0, raw.get(item.path("key").asText()).compareTo(item.path("cost_usd").decimalValue()),
                        group + " " + item);
            }
            assertNotNull(body.path("forecast").path("available"));
        }
    }

    @Test
    void rateLimitHeadroomIsTheNewestSnapshotPerModel() throws Exception {
        JsonNode items = api.getOk("/api/v1/analytics/rate-limits?" + q(from.minus(3, ChronoUnit.HOURS), to)).path("items");
        var latest = dsl.select(LLM_CALLS.MODEL, LLM_CALLS.RATE_LIMIT).distinctOn(LLM_CALLS.MODEL).from(LLM_CALLS)
                .where(range(from.minus(3, ChronoUnit.HOURS), to))
                .orderBy(LLM_CALLS.MODEL, LLM_CALLS.STARTED_AT.desc()).fetch();
        assertEquals(latest.size(), items.size());
        for (var r : latest) {
            JsonNode expected = ApiClient.JSON.readTree(r.value2().data());
            JsonNode item = null;
            for (JsonNode i : items) {
                if (i.path("model").asText().equals(r.value1())) {
                    item = i;
                }
            }
            assertNotNull(item, r.value1());
            assertEquals(expected.path("requests_remaining").asLong(), item.path("requests_remaining").asLong());
            assertEquals(expected.path("tokens_remaining").asLong(), item.path("tokens_remaining").asLong());
        }
    }

    /**
     * The gateway records the provider's response headers as they came (its tests pin that shape); the
     * headroom reads them like snapshot fields, numbers as numbers. Ingested here in that shape, days
     * before the other tests' range, for models of their own.
     */
    @Test
    void headroomReadsProviderHeadersAsTheGatewayRecordsThem() throws Exception {
        Instant at = from.minus(2, ChronoUnit.DAYS);
        ObjectNode body = ApiClient.JSON.createObjectNode();
        ArrayNode calls = body.putArray("calls");
        calls.addObject().put("provider", "openai").put("model", "gpt-headers").put("latency_ms", 100)
                .put("started_at", at.toString()).putObject("rate_limit")
                .put("x-ratelimit-limit-requests", "500").put("x-ratelimit-remaining-requests", "499")
                .put("x-ratelimit-reset-requests", "120ms").put("x-ratelimit-remaining-tokens", "149984")
                .put("x-request-id", "req_1");
        calls.addObject().put("provider", "openai").put("model", "gpt-headers").put("latency_ms", 100)
                .put("started_at", at.minusSeconds(60).toString()).putObject("rate_limit")
                .put("x-ratelimit-remaining-requests", "1");
        calls.addObject().put("provider", "anthropic").put("model", "claude-headers").put("latency_ms", 100)
                .put("started_at", at.toString()).putObject("rate_limit")
                .put("anthropic-ratelimit-tokens-remaining", "7000")
                .put("anthropic-ratelimit-tokens-reset", "2026-01-01T00:00:30Z").put("retry-after", "20");
        api.postOk("/api/v1/ingest", body);
        String range = q(at.minus(1, ChronoUnit.HOURS), at.plus(1, ChronoUnit.HOURS));

        JsonNode openai = api.getOk("/api/v1/analytics/rate-limits?provider=openai&" + range).path("items");
        assertEquals(1, openai.size(), openai.toString());
        JsonNode newest = openai.get(0);
        assertEquals("gpt-headers", newest.path("model").asText());
        assertTrue(newest.path("requests_limit").isIntegralNumber(), newest.toString());
        assertEquals(500, newest.path("requests_limit").asLong());
        assertEquals(499, newest.path("requests_remaining").asLong());
        assertEquals("120ms", newest.path("requests_reset").asText());
        assertEquals(149984, newest.path("tokens_remaining").asLong());
        assertTrue(newest.path("tokens_limit").isNull(), newest.toString());

        JsonNode both = api.getOk("/api/v1/analytics/rate-limits?" + range).path("items");
        assertEquals(2, both.size(), both.toString());
        JsonNode anthropic = both.get(0);
        assertEquals("claude-headers", anthropic.path("model").asText());
        assertEquals(7000, anthropic.path("tokens_remaining").asLong());
        assertTrue(anthropic.path("tokens_remaining").isIntegralNumber(), anthropic.toString());
        assertEquals("2026-01-01T00:00:30Z", anthropic.path("tokens_reset").asText());
        assertEquals(20, anthropic.path("retry_after").asLong());
        assertTrue(anthropic.path("requests_remaining").isNull(), anthropic.toString());
    }

    @Test
    void badParametersAreNamed() throws Exception {
        HttpResponse<String> res = api.get("/api/v1/metrics/timeseries?metric=nope");
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("metric"), res.body());
        res = api.get("/api/v1/metrics/timeseries?metric=requests&interval=1m&from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z");
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("interval"), res.body());
        res = api.get("/api/v1/metrics/timeseries?metric=cost&group_by=error_category");
        assertEquals(400, res.statusCode());
        res = api.get("/api/v1/metrics/dashboard?from=yesterday");
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("from"), res.body());
        res = api.get("/api/v1/analytics/costs?group_by=planet");
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("group_by"), res.body());
        // times the database cannot store (or Java cannot shift by a day) once answered 500
        for (String route : List.of("/api/v1/metrics/dashboard", "/api/v1/metrics/latency-distribution",
                "/api/v1/analytics/costs?group_by=user", "/api/v1/analytics/costs?group_by=day",
                "/api/v1/analytics/rate-limits")) {
            String sep = route.contains("?") ? "&" : "?";
            res = api.get(route + sep + "from=-4800-01-01T00:00:00Z&to=-4800-01-02T00:00:00Z");
            assertEquals(400, res.statusCode(), route + ": " + res.body());
            assertTrue(res.body().contains(": must be between"), res.body());
            res = api.get(route + sep + "to=-999999999-01-01T00:00:00%2B18:00");
            assertEquals(400, res.statusCode(), route + ": " + res.body());
            assertTrue(res.body().contains("to: must be between"), res.body());
        }
        res = api.get("/api/v1/metrics/timeseries?metric=requests&from=%2B294276-01-01T00:00:00Z&to=%2B294276-01-02T00:00:00Z");
        assertEquals(400, res.statusCode(), res.body());
    }

    static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\"\\\\n])*\",?)*\\})? "
                    + "(-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?");

    @Test
    void prometheusEndpointParsesAndCarriesModelMetrics() throws Exception {
        assertEquals(401, argus.get("/metrics").statusCode());
        HttpResponse<String> res = api.get("/metrics");
        assertEquals(200, res.statusCode(), res.body());
        assertTrue(res.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, String> types = new HashMap<>();
        List<String> samples = new ArrayList<>();
        for (String line : res.body().split("\n")) {
            if (line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ");
                assertEquals(4, parts.length, line);
                assertTrue(List.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[3]), line);
                assertFalse(types.containsKey(parts[2]), "type declared twice: " + line);
                types.put(parts[2], parts[3]);
            } else if (!line.startsWith("#") && !line.isBlank()) {
                assertTrue(SAMPLE.matcher(line).matches(), "not a sample line: " + line);
                samples.add(line);
            }
        }
        assertTrue(types.containsKey("argus_ingest_calls_committed_total") || types.containsKey("argus_ingest_calls_committed"));
        assertTrue(samples.stream().anyMatch(s -> s.startsWith("argus_ingest_calls_committed_total ")
                && Double.parseDouble(s.split(" ")[1]) >= 600), String.join("\n", samples));
        assertTrue(samples.stream().anyMatch(s -> s.startsWith("jvm_memory_used_bytes")));
        assertTrue(samples.stream().anyMatch(s -> s.startsWith("argus_ingest_queue_depth ")));
        // every sample belongs to a declared family
        for (String s : samples) {
            String name = s.split("[{ ]")[0];
            assertTrue(types.keySet().stream().anyMatch(t -> name.equals(t) || name.startsWith(t + "_")), s);
        }
        HttpRequest.Builder viewerless = HttpRequest.newBuilder(argus.uri("/metrics")).header("Authorization", "Bearer nope");
        assertEquals(401, argus.send(viewerless).statusCode());
    }
}
