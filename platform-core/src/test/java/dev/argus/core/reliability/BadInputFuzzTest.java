package dev.argus.core.reliability;

import static dev.argus.core.storage.jooq.Tables.ALERT_CHANNELS;
import static dev.argus.core.storage.jooq.Tables.ALERT_RULES;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.MODEL_PRICES;
import static dev.argus.core.storage.jooq.Tables.PROMPT_VERSIONS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jooq.DSLContext;

/**
 * Fuzzes every public input of a real Argus over a real PostgreSQL with malformed, oversized, deeply
 * nested, invalid UTF-8 and injection payloads (see {@link BadInput}), more than 10,000 requests per
 * run. Every answer must be 2xx or a 4xx with the JSON error body, never a 5xx; no request may hang
 * (a 20 s client timeout fails the property); and a rejected write must leave its table unchanged.
 * jqwik prints the seed of a failing run, so it can be replayed with {@code @Property(seed = …)}.
 */
class BadInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HANG = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(HANG).build();
    private static final AtomicLong REQUESTS = new AtomicLong();

    static Path plugins;
    static RunningArgus argus;
    static DSLContext dsl;
    static UUID project;
    static String fullKey;
    static String readKey;
    static String owner;

    @BeforeContainer
    static void start() throws Exception {
        plugins = Files.createTempDirectory("argus-fuzz-plugins");
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        TestPlugins.copyBundled("evaluator-text-metrics.jar", plugins);
        TestPlugins.copyBundled("alert-webhook.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", "1000000",
                "ARGUS_SERVER_MAX_BODY_BYTES", String.valueOf(1024 * 1024)));
        dsl = argus.argus().database().dsl();
        Fixtures fixtures = new Fixtures(argus);
        project = fixtures.project("fuzz");
        UUID user = fixtures.user("owner@fuzz.test");
        fixtures.member(project, user, ProjectRole.owner);
        owner = fixtures.token("owner@fuzz.test");
        var key = fixtures.key(project, Fixtures.allScopes());
        fullKey = key.secret();
        readKey = fixtures.key(project, Set.of(ApiKeyScope.READ)).secret();
        send("POST", "/api/v1/prompts/fuzz/versions", owner,
                "{\"template\":\"Hello {{name}}\"}".getBytes(StandardCharsets.UTF_8));
        send("POST", "/api/v1/prompts/fuzz/versions", owner,
                "{\"template\":\"Hi {{name}}\"}".getBytes(StandardCharsets.UTF_8));
        send("POST", "/api/v1/ingest", fullKey, INGEST.toString().getBytes(StandardCharsets.UTF_8));
    }

    @AfterContainer
    static void stop() throws Exception {
        try {
            HttpResponse<String> health = argus.get("/health");
            if (health.statusCode() != 200) {
                throw new AssertionError("Argus is unhealthy after the fuzzing: " + health.body());
            }
            HttpResponse<String> ingest = send("POST", "/api/v1/ingest", fullKey,
                    INGEST.toString().getBytes(StandardCharsets.UTF_8));
            if (ingest.statusCode() != 200) {
                throw new AssertionError("a valid ingest fails after the fuzzing: " + ingest.body());
            }
            System.out.println("BadInputFuzzTest: " + REQUESTS.get() + " fuzzed requests sent");
        } finally {
            argus.close();
        }
    }

    // ---- bodies ---------------------------------------------------------------------------------

    static final JsonNode INGEST = json("{\"calls\":[{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\","
            + "\"started_at\":\"2026-11-28T10:15:30.250Z\",\"ended_at\":\"2026-11-28T10:15:31.100Z\","
            + "\"time_to_first_token_ms\":240,\"status\":\"success\",\"input\":[{\"role\":\"user\",\"content\":\"Why?\"}],"
            + "\"output\":{\"role\":\"assistant\",\"content\":\"Because.\"},\"usage\":{\"input_tokens\":12,"
            + "\"output_tokens\":5,\"cache_read_input_tokens\":1,\"reasoning_tokens\":0},\"user_id\":\"u-1\","
            + "\"session_id\":\"s-1\",\"trace_id\":\"t-1\",\"span_id\":\"sp-1\",\"prompt\":{\"name\":\"fuzz\",\"version\":1},"
            + "\"tags\":[\"a\",\"b\"],\"metadata\":{\"k\":\"v\"},\"rate_limit\":{\"remaining_requests\":499,"
            + "\"limit_tokens\":10000}},{\"provider\":\"anthropic\",\"model\":\"claude-3-5-haiku\","
            + "\"started_at\":\"2026-11-28T10:16:00Z\",\"latency_ms\":1200,\"status\":\"error\",\"error\":{\"category\":"
            + "\"rate_limit\",\"message\":\"429\",\"http_status\":429},\"input\":\"Hi\"}]}");

    static final JsonNode OTLP = json("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
            + "\"value\":{\"stringValue\":\"agent\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"t\"},\"spans\":[{"
            + "\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\",\"parentSpanId\":\"\","
            + "\"name\":\"chat gpt-4o\",\"kind\":3,\"startTimeUnixNano\":\"1764324000000000000\","
            + "\"endTimeUnixNano\":\"1764324000900000000\",\"attributes\":[{\"key\":\"gen_ai.system\",\"value\":"
            + "{\"stringValue\":\"openai\"}},{\"key\":\"gen_ai.request.model\",\"value\":{\"stringValue\":\"gpt-4o\"}},"
            + "{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"100\"}},{\"key\":"
            + "\"gen_ai.usage.output_tokens\",\"value\":{\"intValue\":30}}],\"status\":{\"code\":1}}]}]}]}");

    static final JsonNode PROMPT_VERSION = json("{\"template\":\"Hello {{name}}\",\"model\":\"gpt-4o-mini\","
            + "\"parameters\":{\"temperature\":0.2},\"labels\":[\"staging\"],\"commit_message\":\"fuzz\"}");

    static final JsonNode CHAT_PROMPT_VERSION = json("{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"{{q}}\"}]}");

    static final JsonNode TWO_SAMPLE = json("{\"a\":[812,790,845,901,877],\"b\":[702,688,731,760,745],"
            + "\"bootstrap_resamples\":1000,\"mann_whitney_method\":\"exact\",\"continuity\":true}");

    static final JsonNode COMPARE = json("{\"prompt\":\"fuzz\",\"metric\":\"success_rate\",\"variants\":["
            + "{\"version\":1,\"successes\":40,\"total\":100},{\"version\":2,\"successes\":55,\"total\":100}]}");

    static final JsonNode EXPERIMENT = json("{\"name\":\"e\",\"variants\":[{\"version\":1,\"weight\":30},"
            + "{\"version\":2,\"weight\":70}],\"primary_metric\":\"latency_ms\",\"guardrails\":[\"error_rate\"]}");

    static final JsonNode PRICES = json("{\"prices\":[{\"provider\":\"my-gateway\",\"model\":\"house-model\","
            + "\"effective_from\":\"2026-01-01\",\"input_per_million\":0.5,\"output_per_million\":\"1.5\"}]}");

    static final JsonNode ALERT_RULE = json("{\"name\":\"latency\",\"metric\":\"latency_p95\",\"window_seconds\":300,"
            + "\"comparator\":\"gt\",\"threshold\":1000,\"severity\":\"warning\",\"provider\":\"openai\"}");

    static final JsonNode ALERT_CHANNEL = json("{\"name\":\"hook\",\"extension_id\":\"webhook\",\"settings\":{"
            + "\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"a-long-enough-secret\",\"timeout\":\"5s\"}}");

    static final JsonNode EVALUATION = json("{\"evaluator\":\"bleu\",\"config\":{\"tokenize\":\"13a\"},"
            + "\"items\":[{\"input\":\"translate\",\"output\":\"the cat sat\",\"reference\":\"the cat sat down\"}]}");

    static final JsonNode USER_DATA = json("{\"display_name\":\"Fuzz\"}");

    // ---- properties -----------------------------------------------------------------------------

    @Property(tries = 3000)
    void ingestRejectsBadBatchesWholeAndStoresNothing(@ForAll("ingestBodies") Body body) throws Exception {
        writeLeavesTableUnchangedUnlessAccepted("POST", "/api/v1/ingest", fullKey, body.bytes(),
                () -> dsl.fetchCount(LLM_CALLS));
    }

    @Provide
    Arbitrary<Body> ingestBodies() {
        return mutations(INGEST);
    }

    @Property(tries = 1500)
    void otlpAnswersEveryBadExportWithoutAServerError(@ForAll("otlpBodies") Body body) throws Exception {
        answersWithoutServerError("POST", "/v1/traces", fullKey, body.bytes());
    }

    @Provide
    Arbitrary<Body> otlpBodies() {
        return mutations(OTLP);
    }

    /** The protobuf encoding, flipped, cut and padded at the byte level. */
    @Property(tries = 500)
    void otlpProtobufAnswersEveryBadExportWithoutAServerError(@ForAll("otlpProtobufBodies") Body body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(argus.uri("/v1/traces")).timeout(HANG)
                .header("Authorization", "Bearer " + fullKey).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        HttpResponse<String> res = exchange(request);
        if (res.statusCode() >= 500 || (res.statusCode() >= 400 && !res.body().startsWith("{\"error\""))) {
            throw new AssertionError("POST /v1/traces (protobuf) answered " + res.statusCode() + ": " + res.body());
        }
    }

    @Provide
    Arbitrary<Body> otlpProtobufBodies() {
        byte[] valid = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(io.opentelemetry.proto.trace.v1.ResourceSpans.newBuilder()
                        .addScopeSpans(io.opentelemetry.proto.trace.v1.ScopeSpans.newBuilder()
                                .addSpans(io.opentelemetry.proto.trace.v1.Span.newBuilder()
                                        .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[16]))
                                        .setSpanId(com.google.protobuf.ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                                        .setName("chat").setStartTimeUnixNano(1_764_324_000_000_000_000L)
                                        .setEndTimeUnixNano(1_764_324_000_900_000_000L)
                                        .addAttributes(io.opentelemetry.proto.common.v1.KeyValue.newBuilder()
                                                .setKey("gen_ai.system").setValue(io.opentelemetry.proto.common.v1.AnyValue
                                                        .newBuilder().setStringValue("openai")))))).build().toByteArray();
        return Arbitraries.randomValue(random -> {
            byte[] copy = valid.clone();
            switch (random.nextInt(3)) {
                case 0 -> {
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                    }
                }
                case 1 -> copy = java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
                default -> {
                    copy = new byte[random.nextInt(256)];
                    random.nextBytes(copy);
                }
            }
            return new Body(copy);
        });
    }

    @Property(tries = 1200)
    void promptWritesRejectBadVersionsAndStoreNothing(@ForAll("promptBodies") Body body) throws Exception {
        writeLeavesTableUnchangedUnlessAccepted("POST", "/api/v1/prompts/fuzz/versions", owner, body.bytes(),
                () -> dsl.fetchCount(PROMPT_VERSIONS));
    }

    @Provide
    Arbitrary<Body> promptBodies() {
        return Arbitraries.oneOf(mutations(PROMPT_VERSION), mutations(CHAT_PROMPT_VERSION));
    }

    @Property(tries = 1200)
    void statisticsAndComparisonsAnswerBadNumbersWithout5xx(@ForAll("statsRequests") Request request)
            throws Exception {
        answersWithoutServerError("POST", request.path(), readKey, request.body().bytes());
    }

    @Provide
    Arbitrary<Request> statsRequests() {
        return Arbitraries.oneOf(
                mutations(TWO_SAMPLE).map(b -> new Request("/api/v1/stats/two-sample", b)),
                mutations(COMPARE).map(b -> new Request("/api/v1/prompts/compare", b)),
                mutations(json("{\"success_a\":12,\"total_a\":100,\"success_b\":25,\"total_b\":100,\"yates\":true}"))
                        .map(b -> new Request("/api/v1/stats/proportions", b)),
                mutations(json("{\"version\":1,\"variables\":{\"name\":\"Ada\"}}"))
                        .map(b -> new Request("/api/v1/prompts/fuzz/render", b)));
    }

    @Property(tries = 800)
    void experimentsRejectBadDefinitions(@ForAll("experimentBodies") Body body) throws Exception {
        answersWithoutServerError("POST", "/api/v1/prompts/fuzz/experiments", owner, body.bytes());
    }

    @Provide
    Arbitrary<Body> experimentBodies() {
        return mutations(EXPERIMENT);
    }

    @Property(tries = 800)
    void alertRulesRejectBadRulesAndStoreNothing(@ForAll("alertRuleBodies") Body body) throws Exception {
        writeLeavesTableUnchangedUnlessAccepted("POST", "/api/v1/alerts/rules", owner, body.bytes(),
                () -> dsl.fetchCount(ALERT_RULES));
    }

    @Provide
    Arbitrary<Body> alertRuleBodies() {
        return mutations(ALERT_RULE);
    }

    /** Channel settings are plugin configuration, validated against the plugin's schema. */
    @Property(tries = 800)
    void pluginConfigurationIsValidatedAgainstItsSchema(@ForAll("alertChannelBodies") Body body) throws Exception {
        writeLeavesTableUnchangedUnlessAccepted("POST", "/api/v1/alerts/channels", owner, body.bytes(),
                () -> dsl.fetchCount(ALERT_CHANNELS));
    }

    @Provide
    Arbitrary<Body> alertChannelBodies() {
        return mutations(ALERT_CHANNEL);
    }

    @Property(tries = 600)
    void priceWritesRejectBadPricesAndStoreNothing(@ForAll("priceBodies") Body body) throws Exception {
        writeLeavesTableUnchangedUnlessAccepted("PUT", "/api/v1/prices", owner, body.bytes(),
                () -> dsl.fetchCount(MODEL_PRICES));
    }

    @Provide
    Arbitrary<Body> priceBodies() {
        return mutations(PRICES);
    }

    @Property(tries = 600)
    void evaluationsRejectBadRequests(@ForAll("evaluationBodies") Body body) throws Exception {
        answersWithoutServerError("POST", "/api/v1/evaluations", fullKey, body.bytes());
    }

    @Provide
    Arbitrary<Body> evaluationBodies() {
        return mutations(EVALUATION);
    }

    @Property(tries = 300)
    void profileAndRetentionWritesRejectBadValues(@ForAll("settingsRequests") Request request) throws Exception {
        answersWithoutServerError(request.path().equals("/api/v1/auth/me") ? "PATCH" : "PUT", request.path(), owner,
                request.body().bytes());
    }

    @Provide
    Arbitrary<Request> settingsRequests() {
        return Arbitraries.oneOf(
                mutations(USER_DATA).map(b -> new Request("/api/v1/auth/me", b)),
                mutations(json("{\"retention_days\":90}")).map(b -> new Request("/api/v1/data/retention", b)));
    }

    /** Query parameters and filters of every read route, with hostile names and values. */
    @Property(tries = 2000)
    void queryParametersAndFiltersAnswerWithout5xx(@ForAll("readRoutes") String route,
            @ForAll("queryStrings") String query) throws Exception {
        answersWithoutServerError("GET", route + "?" + query, readKey, null);
    }

    @Provide
    Arbitrary<String> readRoutes() {
        return Arbitraries.of("/api/v1/calls", "/api/v1/calls/export", "/api/v1/metrics/dashboard",
                "/api/v1/metrics/timeseries", "/api/v1/metrics/latency-distribution", "/api/v1/analytics/costs",
                "/api/v1/analytics/rate-limits", "/api/v1/evaluations", "/api/v1/alerts/events", "/api/v1/prompts",
                "/api/v1/prompts/fuzz", "/api/v1/prompts/fuzz/versions", "/api/v1/prompts/fuzz/diff",
                "/api/v1/prompts/fuzz/resolve", "/metrics");
    }

    @Provide
    Arbitrary<String> queryStrings() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("from", "to", "limit", "cursor", "provider", "model",
                "status", "error_category", "tag", "user_id", "session_id", "trace_id", "prompt", "prompt_version", "q",
                "min_latency_ms", "max_latency_ms", "min_cost", "format", "metric", "interval", "group_by", "label",
                "version", "user", "rule_id", "evaluator", "sort", "order"), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.of("", "-1", "0", "1e999", "9223372036854775808", "NaN", "2026-02-30T00:00:00Z",
                        "9999-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "-292278994-08-17T07:12:55.807Z", "csv", "xml",
                        "requests", "latency_p99", "1m", "1d", "0s", "provider", "model", "user", "day", "prompt",
                        "' OR 1=1 --", "%", "_", "\\", "\u0000", "a,b,c", "eyJ0IjoiMSJ9", "!!!", "latest",
                        "x".repeat(5000)),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf));
        Arbitrary<String> pair = Combinators.combine(names, values).as((n, v) -> encode(n) + "=" + encode(v));
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    /** Hostile path segments where routes take an id or a name. */
    @Property(tries = 600)
    void pathParametersAnswerWithout5xx(@ForAll("pathTemplates") String template,
            @ForAll("segments") String segment) throws Exception {
        answersWithoutServerError("GET", template.replace("{}", encode(segment).replace("+", "%20")), owner, null);
    }

    @Provide
    Arbitrary<String> pathTemplates() {
        return Arbitraries.of("/api/v1/calls/{}", "/api/v1/calls/{}/scores", "/api/v1/evaluations/{}",
                "/api/v1/prompts/{}", "/api/v1/prompts/{}/versions", "/api/v1/prompts/{}/labels",
                "/api/v1/alerts/rules/{}", "/api/v1/alerts/channels/{}", "/api/v1/users/{}", "/api/v1/projects/{}",
                "/api/v1/traces/{}", "/api/v1/sessions/{}");
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200),
                Arbitraries.of("00000000-0000-0000-0000-000000000000", "0190f5b2-7c4e-7a4b-9c1d-2f3e4a5b6c7d", "..",
                        "%2e%2e", "null", "' OR 1=1 --", "x".repeat(3000), "\u0000", "🦜"));
    }

    /** Credentials: a bad header is a 401 (or 400), never a 5xx. */
    @Property(tries = 400)
    void badCredentialsAreRejectedWithout5xx(@ForAll("authorizations") String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(argus.uri("/api/v1/calls")).timeout(HANG).GET();
        try {
            request.header("Authorization", authorization);
        } catch (IllegalArgumentException notSendable) {
            return;
        }
        check("GET /api/v1/calls with Authorization: " + authorization, exchange(request), null);
    }

    @Provide
    Arbitrary<String> authorizations() {
        Arbitrary<String> junk = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300);
        return Arbitraries.oneOf(junk, junk.map(s -> "Bearer " + s), junk.map(s -> "Bearer sk-" + s),
                junk.map(s -> "Bearer pk-" + s + ":sk-" + s), junk.map(s -> "Basic " + s),
                Arbitraries.of("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer a.b.c", "Bearer ",
                        "Bearer " + "x".repeat(8000), "Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo"));
    }

    // ---- cases the fuzzer found, kept as fixed examples ------------------------------------------

    @Example
    void nulCharactersAreA400NotADatabaseError() throws Exception {
        HttpResponse<String> res = send("POST", "/api/v1/prompts/fuzz/versions", owner,
                "{\"template\":\"Hi\",\"commit_message\":\"a\\u0000b\"}".getBytes(StandardCharsets.UTF_8));
        assertError(res, 400, "invalid_text");
    }

    @Example
    void timesOutsidePostgresRangeAreA400() throws Exception {
        assertError(send("GET", "/api/v1/calls?from=-292278994-08-17T07%3A12%3A55.807Z", readKey, null), 400,
                "invalid_parameter");
    }

    @Example
    void countsNearLongMaxAreA400() throws Exception {
        assertError(send("POST", "/api/v1/stats/proportions", readKey, ("{\"success_a\":1,\"total_a\":"
                + Long.MAX_VALUE + ",\"success_b\":1,\"total_b\":" + Long.MAX_VALUE + "}").getBytes(StandardCharsets.UTF_8)),
                400, "invalid_request");
    }

    /** PostgreSQL gives 1e-308 back as 309 digits; the stored version must still be readable. */
    @Example
    void tinyNumbersInPromptParametersStayReadable() throws Exception {
        HttpResponse<String> res = send("POST", "/api/v1/prompts/tiny/versions", owner,
                "{\"template\":\"Hi\",\"parameters\":{\"temperature\":-1.0E-308}}".getBytes(StandardCharsets.UTF_8));
        if (res.statusCode() != 201) {
            throw new AssertionError(res.statusCode() + ": " + res.body());
        }
        HttpResponse<String> read = send("GET", "/api/v1/prompts/tiny?label=latest", readKey, null);
        if (read.statusCode() != 200 || !read.body().contains("temperature")) {
            throw new AssertionError(read.statusCode() + ": " + read.body());
        }
    }

    private static void assertError(HttpResponse<String> res, int status, String code) throws Exception {
        if (res.statusCode() != status || !code.equals(JSON.readTree(res.body()).path("error").path("code").asText())) {
            throw new AssertionError("expected " + status + " " + code + " but got " + res.statusCode() + ": " + res.body());
        }
    }

    // ---- checks ---------------------------------------------------------------------------------

    /** A request whose body mutates a valid one. */
    record Request(String path, Body body) {
        @Override
        public String toString() {
            return path + " " + body;
        }
    }

    /** A request body, shown as text when jqwik reports a failing sample. */
    record Body(byte[] bytes) {
        @Override
        public String toString() {
            return preview(bytes);
        }
    }

    private static Arbitrary<Body> mutations(JsonNode valid) {
        return Arbitraries.randomValue(random -> new Body(BadInput.mutate(valid, random)));
    }

    private static void writeLeavesTableUnchangedUnlessAccepted(String method, String path, String bearer, byte[] body,
            IntSupplier rows) throws Exception {
        int before = rows.getAsInt();
        HttpResponse<String> res = send(method, path, bearer, body);
        check(method + " " + path, res, body);
        if (res.statusCode() >= 400 && rows.getAsInt() != before) {
            throw new AssertionError(method + " " + path + " answered " + res.statusCode()
                    + " but changed the table: " + preview(body));
        }
    }

    private static void answersWithoutServerError(String method, String path, String bearer, byte[] body)
            throws Exception {
        check(method + " " + path, send(method, path, bearer, body), body);
    }

    private static void check(String what, HttpResponse<String> res, byte[] body) {
        int status = res.statusCode();
        if (status >= 500) {
            throw new AssertionError(what + " answered " + status + ": " + res.body() + "\n  request: " + preview(body));
        }
        if (status >= 400) {
            try {
                JsonNode error = JSON.readTree(res.body()).path("error");
                if (!error.path("code").isTextual() || !error.path("message").isTextual()) {
                    throw new AssertionError(what + " answered " + status + " without the JSON error body: " + res.body());
                }
            } catch (java.io.IOException e) {
                throw new AssertionError(what + " answered " + status + " with a body that is not JSON: " + res.body());
            }
        }
    }

    static HttpResponse<String> send(String method, String path, String bearer, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(argus.uri("").toString() + path))
                .timeout(HANG)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + bearer);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer.equals(owner)) {
            request.header("X-Argus-Project", project.toString());
        }
        return exchange(request);
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) throws Exception {
        REQUESTS.incrementAndGet();
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + HANG + " (a hung worker): " + request.build().uri(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String preview(byte[] body) {
        if (body == null) {
            return "(no body)";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 400 ? text.substring(0, 400) + "… (" + body.length + " bytes)" : text;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
