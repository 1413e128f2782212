package dev.argus.core.gateway;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.storage.jooq.tables.records.LlmCallsRecord;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.plugins.testkit.WireSamples;
import dev.argus.plugins.testkit.WireServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider proxy against a real Argus and PostgreSQL, with a loopback server replaying the
 * providers' recorded wire format as the upstream: pass-through of status, headers and bytes, chunk by
 * chunk streaming, what is logged in {@code llm_calls}, cancelled streams, and bad input.
 */
class ProxyTest {

    static final String CLIENT_OPENAI_KEY = "sk-client-own-openai-key-0123456789";

    @TempDir
    static Path plugins;
    static WireServer wire;
    static RunningArgus argus;
    static Fixtures fx;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        wire = WireServer.start();
        argus = RunningArgus.start(plugins, Map.of("ARGUS_PROXY_OPENAI_UPSTREAM", wire.baseUrl(),
                "ARGUS_PROXY_ANTHROPIC_UPSTREAM", wire.baseUrl(), "ARGUS_PROXY_OLLAMA_UPSTREAM", wire.baseUrl()));
        fx = new Fixtures(argus);
    }

    @AfterAll
    static void stop() {
        argus.close();
        wire.close();
    }

    record Tenant(UUID project, String key) {
    }

    static Tenant tenant() {
        UUID project = fx.project("proxy-" + UUID.randomUUID());
        ApiKeyCredentials key = fx.key(project, Set.of(ApiKeyScope.PROXY));
        return new Tenant(project, key.publicKey() + ":" + key.secret());
    }

    static HttpRequest.Builder post(String path, Tenant tenant, String body) {
        return HttpRequest.newBuilder(argus.uri(path)).header("Content-Type", "application/json")
                .header("X-Argus-Key", tenant.key()).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The project's logged calls, waiting (at most 10 s) until {@code count} are there: logging is asynchronous. */
    static List<LlmCallsRecord> calls(Tenant tenant, int count) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            var rows = fx.dsl().selectFrom(LLM_CALLS).where(LLM_CALLS.PROJECT_ID.eq(tenant.project())).fetch();
            if (rows.size() >= count) {
                return rows;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + count + " logged calls for " + tenant.project());
    }

    static JsonNode sample(String file) throws Exception {
        return Fixtures.JSON.readTree(WireSamples.text(file));
    }

    @Test
    void openAiAnswerPassesThroughAndIsLoggedWithUsageCostLabelsAndRateLimits() throws Exception {
        Tenant tenant = tenant();
        String answer = sample("openai_chat_completions.json").get("response").toString()
                .replace("\"gpt-5.4\"", "\"gpt-3.5-turbo-0125\"");
        wire.then(WireServer.Reply.json(200, answer).headers(Map.of("x-ratelimit-remaining-tokens", "149984",
                "x-ratelimit-reset-tokens", "6m0s", "x-request-id", "req_abc123", "openai-processing-ms", "321")));
        int before = wire.received().size();
        String request = "{\"model\":\"gpt-3.5-turbo-0125\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";
        HttpResponse<String> res = HTTP.send(post("/proxy/openai/v1/chat/completions?trace=1", tenant, request)
                .header("Authorization", "Bearer " + CLIENT_OPENAI_KEY)
                .header("X-Argus-User", "user-42").header("X-Argus-Session", "sess-7")
                .header("X-Argus-Tags", "checkout, beta").header("X-Argus-Prompt", "greeting")
                .header("X-Argus-Prompt-Version", "3").build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, res.statusCode());
        assertEquals(answer, res.body(), "the body reaches the client byte for byte");
        assertEquals("149984", res.headers().firstValue("x-ratelimit-remaining-tokens").orElse(null));
        assertEquals("req_abc123", res.headers().firstValue("x-request-id").orElse(null));
        assertEquals("321", res.headers().firstValue("openai-processing-ms").orElse(null));

        WireServer.Received upstream = wire.received().get(before);
        assertEquals("POST", upstream.method());
        assertEquals("/v1/chat/completions?trace=1", upstream.path());
        assertEquals("Bearer " + CLIENT_OPENAI_KEY, upstream.headers().get("authorization"), "the client's own key goes upstream");
        assertFalse(upstream.headers().containsKey("x-argus-key"), "the Argus key stays with Argus");
        assertFalse(upstream.headers().containsKey("x-argus-user"));
        assertEquals(request, upstream.body());

        LlmCallsRecord call = calls(tenant, 1).getFirst();
        assertEquals("openai", call.getProvider());
        assertEquals("gpt-3.5-turbo-0125", call.getModel());
        assertEquals("success", call.getStatus());
        assertEquals(19, call.getInputTokens());
        assertEquals(10, call.getOutputTokens());
        assertNotNull(call.getCostUsd(), "gpt-3.5-turbo-0125 has a bundled price");
        assertTrue(call.getCostUsd().signum() > 0);
        assertEquals("user-42", call.getUserId());
        assertEquals("sess-7", call.getSessionId());
        assertArrayEquals(new String[] {"checkout", "beta"}, call.getTags());
        assertEquals("greeting", call.getPromptName());
        assertEquals(3, call.getPromptVersion());
        assertEquals("Say hi", call.getInputText());
        assertEquals("Hello! How can I assist you today?", call.getOutputText());
        JsonNode rateLimit = Fixtures.JSON.readTree(call.getRateLimit().data());
        assertEquals("149984", rateLimit.get("x-ratelimit-remaining-tokens").asText());
        assertEquals("req_abc123", rateLimit.get("x-request-id").asText());
        String stored = fx.dsl().selectFrom(LLM_CALLS).where(LLM_CALLS.PROJECT_ID.eq(tenant.project())).fetch().formatJSON();
        assertFalse(stored.contains(CLIENT_OPENAI_KEY), "the provider key is never stored");
    }

    @Test
    void openAiStreamIsRelayedChunkByChunkAndItsFinalUsageChunkIsRead() throws Exception {
        Tenant tenant = tenant();
        List<String> pieces = WireSamples.streamPieces("openai_chat_stream_include_usage.txt");
        CountDownLatch clientSawFirstChunks = new CountDownLatch(1);
        wire.then(WireServer.Reply.stream("text/event-stream", pieces).header("x-ratelimit-remaining-requests", "4999")
                .pauseAfter(1, clientSawFirstChunks));
        String request = "{\"model\":\"gpt-3.5-turbo-0125\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";
        HttpResponse<InputStream> res = HTTP.send(post("/proxy/openai/v1/chat/completions", tenant, request)
                .header("Authorization", "Bearer " + CLIENT_OPENAI_KEY).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, res.statusCode());
        assertEquals("4999", res.headers().firstValue("x-ratelimit-remaining-requests").orElse(null));
        StringBuilder seen = new StringBuilder();
        try (InputStream body = res.body()) {
            // the upstream holds back everything after its second event until we have read both
            String firstTwo = pieces.get(0) + pieces.get(1);
            while (seen.length() < firstTwo.length()) {
                int b = body.read();
                assertTrue(b >= 0, "the stream ended early: " + seen);
                seen.append((char) b);
            }
            assertEquals(firstTwo, seen.toString());
            clientSawFirstChunks.countDown();
            seen.append(new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(wire.gatesOpenedInTime(), "the client saw the first chunks before the upstream sent the rest");
        assertEquals(String.join("", pieces), seen.toString(), "every byte of the stream is relayed unchanged");

        LlmCallsRecord call = calls(tenant, 1).getFirst();
        assertEquals("success", call.getStatus());
        assertEquals(10, call.getInputTokens());
        assertEquals(5, call.getOutputTokens());
        assertNotNull(call.getTimeToFirstTokenMs());
        assertTrue(call.getTimeToFirstTokenMs() <= call.getLatencyMs());
        assertTrue(call.getOutputText().startsWith("Hi,"), call.getOutputText());
    }

    @Test
    void anthropicStreamUsageComesFromMessageStartAndMessageDelta() throws Exception {
        Tenant tenant = tenant();
        List<String> pieces = WireSamples.streamPieces("anthropic_stream.txt");
        wire.then(WireServer.Reply.stream("text/event-stream; charset=utf-8", pieces)
                .header("anthropic-ratelimit-output-tokens-remaining", "15990").header("request-id", "req_0199"));
        HttpResponse<String> res = HTTP.send(post("/proxy/anthropic/v1/messages", tenant,
                        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":1024,\"stream\":true,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"Extract order IDs\"}]}")
                        .header("x-api-key", "sk-ant-client-key").header("anthropic-version", "2023-06-01").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode());
        assertEquals(String.join("", pieces), res.body());
        assertEquals("req_0199", res.headers().firstValue("request-id").orElse(null));
        WireServer.Received upstream = wire.received().getLast();
        assertEquals("sk-ant-client-key", upstream.headers().get("x-api-key"));
        assertEquals("2023-06-01", upstream.headers().get("anthropic-version"));

        LlmCallsRecord call = calls(tenant, 1).getFirst();
        assertEquals("anthropic", call.getProvider());
        assertEquals("claude-sonnet-4-5-20250929", call.getModel());
        assertEquals(135, call.getInputTokens());
        assertEquals(10, call.getOutputTokens());
        assertEquals("[12345,67890]", call.getOutputText());
        assertNotNull(call.getCostUsd());
        assertEquals("15990", Fixtures.JSON.readTree(call.getRateLimit().data())
                .get("anthropic-ratelimit-output-tokens-remaining").asText());
    }

    @Test
    void anthropicRateLimitErrorPassesThroughAndIsLoggedAsRateLimit() throws Exception {
        Tenant tenant = tenant();
        JsonNode recorded = sample("anthropic_errors_and_ratelimits.json").get("recorded_429");
        String body = recorded.get("body").toString();
        wire.then(WireServer.Reply.json(429, body).headers(Map.of("retry-after", "7", "x-should-retry", "true",
                "anthropic-ratelimit-requests-remaining", "0", "request-id", "req_011CYK5n67SytMUxm8WMZUWY")));
        HttpResponse<String> res = HTTP.send(post("/proxy/anthropic/v1/messages", tenant,
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .header("x-api-key", "sk-ant-client-key").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(429, res.statusCode());
        assertEquals(body, res.body());
        assertEquals("7", res.headers().firstValue("retry-after").orElse(null));
        assertEquals("true", res.headers().firstValue("x-should-retry").orElse(null));

        LlmCallsRecord call = calls(tenant, 1).getFirst();
        assertEquals("error", call.getStatus());
        assertEquals("rate_limit", call.getErrorCategory());
        assertEquals(429, call.getErrorHttpStatus());
        assertTrue(call.getErrorMessage().startsWith("This request would exceed"), call.getErrorMessage());
        assertEquals("7", Fixtures.JSON.readTree(call.getRateLimit().data()).get("retry-after").asText());
    }

    @Test
    void ollamaNdjsonStreamIsRelayedAndItsFinalMetricsLogged() throws Exception {
        Tenant tenant = tenant();
        JsonNode chat = sample("ollama.json").get("api_chat");
        List<String> lines = WireSamples.ndjson(List.of(chat.get("stream_chunk").toString(),
                chat.get("stream_chunk").toString().replace("\"The\"", "\" sky\""), chat.get("stream_final").toString()));
        wire.then(WireServer.Reply.stream("application/x-ndjson", lines));
        HttpResponse<String> res = HTTP.send(post("/proxy/ollama/api/chat", tenant, chat.get("request").toString()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode());
        assertEquals(String.join("", lines), res.body());
        assertEquals("/api/chat", wire.received().getLast().path());

        LlmCallsRecord call = calls(tenant, 1).getFirst();
        assertEquals("ollama", call.getProvider());
        assertEquals("llama3.2", call.getModel());
        assertEquals(26, call.getInputTokens());
        assertEquals(282, call.getOutputTokens());
        assertEquals("The sky", call.getOutputText());
        assertEquals("why is the sky blue?", call.getInputText());
    }

    @Test
    void aClientLeavingMidStreamIsLoggedAsCancelled() throws Exception {
        Tenant tenant = tenant();
        List<String> pieces = WireSamples.streamPieces("openai_chat_stream_include_usage.txt");
        CountDownLatch clientLeft = new CountDownLatch(1);
        wire.then(WireServer.Reply.stream("text/event-stream", pieces).pauseAfter(0, clientLeft));
        String body = "{\"model\":\"gpt-3.5-turbo-0125\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Say hi\"}]}";
        try (Socket socket = new Socket("127.0.0.1", argus.argus().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /proxy/openai/v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "X-Argus-Key: " + tenant.key() + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("data: {")) {
                // status line, headers, chunk size
            }
            assertNotNull(line, "the first event arrived");
        }
        clientLeft.countDown();
        LlmCallsRecord call = calls(tenant, 1).getFirst();
        assertEquals("cancelled", call.getStatus());
        assertEquals("cancelled", call.getErrorCategory());
        assertEquals("gpt-3.5-turbo-0125", call.getModel());
    }

    @Test
    void badInputIsA4xxJsonErrorAndNothingIsForwarded() throws Exception {
        Tenant tenant = tenant();
        int before = wire.received().size();
        HttpResponse<String> noKey = HTTP.send(HttpRequest.newBuilder(argus.uri("/proxy/openai/v1/chat/completions"))
                .header("Authorization", "Bearer eyJnot-a-jwt").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, noKey.statusCode());
        assertTrue(noKey.body().startsWith("{\"error\":"), noKey.body());

        ApiKeyCredentials ingestOnly = fx.key(tenant.project(), Set.of(ApiKeyScope.INGEST));
        HttpResponse<String> wrongScope = HTTP.send(post("/proxy/openai/v1/chat/completions", tenant, "{}")
                .setHeader("X-Argus-Key", ingestOnly.publicKey() + ":" + ingestOnly.secret()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrongScope.statusCode());

        HttpResponse<String> badVersion = HTTP.send(post("/proxy/openai/v1/chat/completions", tenant, "{}")
                .header("X-Argus-Prompt", "p").header("X-Argus-Prompt-Version", "first").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badVersion.statusCode());
        assertTrue(Fixtures.errorMessage(badVersion).contains("X-Argus-Prompt-Version"), badVersion.body());

        HttpResponse<String> badPath = HTTP.send(post("/proxy/openai/v1/chat/x*y", tenant, "{}").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badPath.statusCode(), badPath.body());
        assertEquals("invalid_path", Fixtures.errorCode(badPath));
        assertEquals(before, wire.received().size(), "nothing reached the upstream");
    }

    @Test
    void anUnreachableUpstreamIsA502AndALoggedNetworkError() throws Exception {
        Tenant tenant = tenant();
        try (RunningArgus other = RunningArgus.startOn(argus.database(), plugins,
                Map.of("ARGUS_PROXY_OPENAI_UPSTREAM", WireServer.closedPortUrl()))) {
            HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(other.uri("/proxy/openai/v1/chat/completions"))
                    .header("X-Argus-Key", tenant.key()).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"model\":\"gpt-4o\",\"messages\":[]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(502, res.statusCode());
            assertEquals("upstream_unreachable", Fixtures.errorCode(res));
            LlmCallsRecord call = calls(tenant, 1).getFirst();
            assertEquals("network", call.getErrorCategory());
            assertNull(call.getErrorHttpStatus());
        }
    }
}
