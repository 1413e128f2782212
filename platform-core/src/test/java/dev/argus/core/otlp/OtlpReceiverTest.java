package dev.argus.core.otlp;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.storage.jooq.tables.records.LlmCallsRecord;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP/HTTP JSON export of GenAI spans into a real Argus and PostgreSQL. */
class OtlpReceiverTest {

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        argus = RunningArgus.start(plugins, Map.of());
        fx = new Fixtures(argus);
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    static String attr(String key, String json) {
        return "{\"key\":\"" + key + "\",\"value\":" + json + "}";
    }

    static String str(String value) {
        return "{\"stringValue\":" + Fixtures.JSON.getNodeFactory().textNode(value) + "}";
    }

    static String span(String traceId, String spanId, String parent, long startNanos, long endNanos, String status,
                       String... attributes) {
        return "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + spanId + "\",\"parentSpanId\":\"" + parent
                + "\",\"name\":\"chat\",\"kind\":3,\"startTimeUnixNano\":\"" + startNanos + "\",\"endTimeUnixNano\":\""
                + endNanos + "\",\"attributes\":[" + String.join(",", attributes) + "],\"status\":" + status + "}";
    }

    static HttpResponse<String> export(String key, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(argus.uri("/v1/traces")).header("Content-Type", contentType)
                .header("X-Argus-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            req.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void genAiSpansBecomeCallsWithTheirTraceTreeOthersAreSkippedBadOnesReported() throws Exception {
        UUID project = fx.project("otlp-" + UUID.randomUUID());
        ApiKeyCredentials key = fx.key(project, Set.of(ApiKeyScope.INGEST));
        String trace = "5b8efff798038103d269b633813fc60c";
        long start = Instant.now().minusSeconds(5).toEpochMilli() * 1_000_000L;
        String root = span(trace, "eee19b7ec3c1b174", "", start, start + 2_000_000_000L, "{}",
                attr("http.route", str("/agent")));
        String chat = span(trace, "eee19b7ec3c1b175", "eee19b7ec3c1b174", start + 1_000_000, start + 901_000_000L, "{}",
                attr("gen_ai.operation.name", str("chat")), attr("gen_ai.provider.name", str("openai")),
                attr("gen_ai.request.model", str("gpt-4o")), attr("gen_ai.response.model", str("gpt-3.5-turbo-0125")),
                attr("gen_ai.usage.input_tokens", "{\"intValue\":\"120\"}"), attr("gen_ai.usage.output_tokens", "{\"intValue\":30}"),
                attr("gen_ai.usage.cache_read.input_tokens", "{\"intValue\":\"20\"}"),
                attr("gen_ai.conversation.id", str("conv-1")),
                attr("gen_ai.response.finish_reasons", "{\"arrayValue\":{\"values\":[{\"stringValue\":\"stop\"}]}}"),
                attr("gen_ai.input.messages", str("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather in Paris?\"}]}]")),
                attr("gen_ai.output.messages", str("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Sunny.\"}]}]")));
        String failed = span(trace, "eee19b7ec3c1b176", "eee19b7ec3c1b174", start + 1_000_000_000L, start + 1_500_000_000L,
                "{\"code\":2,\"message\":\"Rate limit reached\"}",
                attr("gen_ai.system", str("anthropic")), attr("gen_ai.request.model", str("claude-sonnet-4-5")),
                attr("error.type", str("RateLimitError")), attr("gen_ai.usage.prompt_tokens", "{\"intValue\":7}"));
        String badId = span("xyz", "eee19b7ec3c1b177", "", start, start + 1000, "{}", attr("gen_ai.system", str("openai")));
        String body = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[" + attr("service.name", str("agent")) + "]},"
                + "\"scopeSpans\":[{\"scope\":{\"name\":\"t\"},\"spans\":[" + String.join(",", root, chat, failed, badId) + "]}]}]}";

        HttpResponse<String> res = export(key.publicKey() + ":" + key.secret(), "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, res.statusCode(), res.body());
        JsonNode answer = Fixtures.JSON.readTree(res.body());
        assertEquals(1, answer.path("partialSuccess").path("rejectedSpans").asInt());
        assertTrue(answer.path("partialSuccess").path("errorMessage").asText().contains("traceId"), res.body());

        // answered after the commit: the calls are there at once
        var calls = fx.dsl().selectFrom(LLM_CALLS).where(LLM_CALLS.PROJECT_ID.eq(project)).orderBy(LLM_CALLS.STARTED_AT).fetch();
        assertEquals(2, calls.size(), "the two GenAI spans; the root span is not a call");
        LlmCallsRecord ok = calls.get(0);
        assertEquals("openai", ok.getProvider());
        assertEquals("gpt-3.5-turbo-0125", ok.getModel());
        assertEquals(100, ok.getInputTokens(), "cached tokens are counted apart");
        assertEquals(20, ok.getCacheReadInputTokens());
        assertEquals(30, ok.getOutputTokens());
        assertEquals(900, ok.getLatencyMs());
        assertEquals(trace, ok.getTraceId());
        assertEquals("eee19b7ec3c1b175", ok.getSpanId());
        assertEquals("eee19b7ec3c1b174", ok.getParentSpanId());
        assertEquals("conv-1", ok.getSessionId());
        assertEquals("Weather in Paris?", ok.getInputText());
        assertEquals("Sunny.", ok.getOutputText());
        assertTrue(ok.getCostUsd() != null && ok.getCostUsd().signum() > 0);
        LlmCallsRecord error = calls.get(1);
        assertEquals("error", error.getStatus());
        assertEquals("rate_limit", error.getErrorCategory());
        assertEquals("Rate limit reached", error.getErrorMessage());
        assertEquals(7, error.getInputTokens());
        assertEquals("anthropic", error.getProvider());

        // a retried export is recognised, not stored twice
        HttpResponse<String> again = export(key.publicKey() + ":" + key.secret(), "application/json",
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(2, fx.dsl().fetchCount(LLM_CALLS, LLM_CALLS.PROJECT_ID.eq(project)));
    }

    @Test
    void malformedExportsAre4xxJsonAndKeysNeedTheIngestScope() throws Exception {
        UUID project = fx.project("otlp-bad-" + UUID.randomUUID());
        ApiKeyCredentials key = fx.key(project, Set.of(ApiKeyScope.INGEST));
        String k = key.publicKey() + ":" + key.secret();
        HttpResponse<String> notJson = export(k, "application/json", "{\"resourceSpans\":[".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, notJson.statusCode());
        assertEquals("invalid_json", Fixtures.errorCode(notJson));
        HttpResponse<String> wrongShape = export(k, "application/json", "{\"resourceSpans\":{}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, wrongShape.statusCode());
        assertTrue(Fixtures.errorMessage(wrongShape).contains("resourceSpans"), wrongShape.body());
        HttpResponse<String> badGzip = export(k, "application/json", "{}".getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip");
        assertEquals(400, badGzip.statusCode(), "compressed bodies are not accepted yet");
        HttpResponse<String> xml = export(k, "application/xml", "<a/>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, xml.statusCode());
        assertTrue(xml.body().startsWith("{\"error\":"), xml.body());
        HttpResponse<String> empty = export(k, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, empty.statusCode());
        assertNull(Fixtures.JSON.readTree(empty.body()).get("partialSuccess"));

        ApiKeyCredentials proxyOnly = fx.key(project, Set.of(ApiKeyScope.PROXY));
        assertEquals(403, export(proxyOnly.publicKey() + ":" + proxyOnly.secret(), "application/json",
                "{}".getBytes(StandardCharsets.UTF_8)).statusCode());
    }
}
