package dev.argus.plugins.anthropic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.ModelInfo;
import dev.argus.api.provider.ProviderException;
import dev.argus.api.provider.RateLimitSnapshot;
import dev.argus.plugins.support.Json;
import dev.argus.plugins.support.JsonValue;
import dev.argus.plugins.testkit.TestContext;
import dev.argus.plugins.testkit.WireSamples;
import dev.argus.plugins.testkit.WireServer;
import dev.argus.plugins.testkit.WireServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicProviderTest {

    private static final String KEY = "sk-ant-api03-test-key-0123456789";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-21T12:40:00Z"), ZoneOffset.UTC);
    private static final ChatRequest ORDER = new ChatRequest("claude-sonnet-4-5", List.of(
            ChatMessage.system("Answer with JSON only."),
            ChatMessage.user("Extract order: 2 Green Tea at $5.50 and 1 Coffee at $3.00. Total $14.")),
            null, null, Map.of(), null);

    private final WireServer upstream = WireServer.start();

    @AfterEach
    void stop() {
        upstream.close();
    }

    private AnthropicProvider provider(String baseUrl) {
        return TestContext.init(new AnthropicProvider(), Map.of("api_key", KEY, "base_url", baseUrl,
                "beta", "prompt-caching-2024-07-31"), CLOCK);
    }

    private AnthropicProvider provider() {
        return provider(upstream.baseUrl());
    }

    private static JsonValue errors() {
        return Json.read(WireSamples.text("anthropic_errors_and_ratelimits.json"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> recordedHeaders(JsonValue headers) {
        Map<String, String> result = new LinkedHashMap<>();
        ((Map<String, Object>) headers.raw()).forEach((k, v) -> {
            if (!k.equals("content-length") && !k.equals("connection")) {
                result.put(k, String.valueOf(v));
            }
        });
        return result;
    }

    @Test
    void schemaDefaultsToThePublicApiAndVersion() {
        var bound = new AnthropicProvider().configSchema().bind(Map.of("api_key", KEY));
        assertEquals("https://api.anthropic.com", bound.values().get("base_url"));
        assertEquals("2023-06-01", bound.values().get("anthropic_version"));
        assertEquals("1024", bound.values().get("max_tokens"));
        assertEquals(List.of("api_key is required"), new AnthropicProvider().configSchema().validate(Map.of()));
    }

    @Test
    void completesWithTheRecordedMessageAndRateLimitHeaders() {
        upstream.then(Reply.json(200, Json.read(WireSamples.text("anthropic_messages.json")).get("response").toString())
                .headers(recordedHeaders(errors().get("rate_limit_headers").get("recorded"))));
        ChatResponse response = provider().complete(ORDER);

        assertTrue(response.content().startsWith("{\"items\":[{\"product_name\":\"Green Tea\""), response.content());
        assertEquals("claude-sonnet-4-5-20250929", response.model());
        assertEquals("end_turn", response.finishReason());
        assertEquals(new Usage(406, 50, 0, 0, 0), response.usage());
        assertEquals("req_011CSLsW7mFqvHHnzrKdKjAE", response.upstreamRequestId());
        assertEquals(new RateLimitSnapshot(1000L, 999L, Instant.parse("2025-08-21T12:40:59Z"), 96_000L, 96_000L,
                Instant.parse("2025-08-21T12:40:59Z"), null), response.rateLimits());

        WireServer.Received sent = upstream.received().getFirst();
        assertEquals("/v1/messages", sent.path());
        assertEquals(KEY, sent.headers().get("x-api-key"));
        assertEquals("2023-06-01", sent.headers().get("anthropic-version"));
        assertEquals("prompt-caching-2024-07-31", sent.headers().get("anthropic-beta"));
        assertFalse(sent.headers().containsKey("authorization"));
        JsonValue body = Json.read(sent.body());
        assertEquals("Answer with JSON only.", body.get("system").asText());
        assertEquals(1, body.get("messages").items().size());
        assertEquals("user", body.get("messages").at(0).get("role").asText());
        assertEquals(1024, body.get("max_tokens").asLong(0));
    }

    @Test
    void cacheReadsAndWritesAreReportedBesideInput() {
        JsonValue example = Json.read(WireSamples.text("anthropic_messages.json")).get("usage_with_cache_example");
        for (String call : List.of("first_call", "second_call")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> response = new LinkedHashMap<>(
                    (Map<String, Object>) Json.read(WireSamples.text("anthropic_messages.json")).get("response").raw());
            response.put("usage", example.get(call).raw());
            upstream.then(Reply.json(200, Json.write(response)));
        }
        AnthropicProvider provider = provider();
        assertEquals(new Usage(21, 393, 0, 188_086, 0), provider.complete(ORDER).usage());
        Usage second = provider.complete(ORDER).usage();
        assertEquals(new Usage(21, 393, 188_086, 0, 0), second);
        assertEquals(188_107, second.totalInputTokens());
    }

    @Test
    void streamsEventByEventIgnoringPingsAndKeepsCumulativeUsage() {
        CountDownLatch firstTextSeen = new CountDownLatch(1);
        List<String> pieces = WireSamples.streamPieces("anthropic_stream.txt");
        assertTrue(pieces.get(3).contains("content_block_delta"));
        upstream.then(Reply.stream("text/event-stream; charset=utf-8", pieces).pauseAfter(3, firstTextSeen)
                .header("request-id", "req_stream_1"));
        List<String> chunks = new ArrayList<>();
        ChatResponse response = provider().stream(ORDER, chunk -> {
            chunks.add(chunk.text());
            firstTextSeen.countDown();
        });
        assertTrue(upstream.gatesOpenedInTime(), "the first delta reached the caller before the rest was sent");
        assertEquals(List.of("[", "12", "345,", "67890]"), chunks);
        assertEquals("[12345,67890]", response.content());
        assertEquals("end_turn", response.finishReason());
        assertEquals("claude-sonnet-4-5-20250929", response.model());
        assertEquals(new Usage(135, 10, 0, 0, 0), response.usage());
        assertEquals("req_stream_1", response.upstreamRequestId());
        assertNotNull(response.timeToFirstToken());
        assertTrue(Json.read(upstream.received().getFirst().body()).get("stream").asBoolean(false));
    }

    @Test
    void recordedRateLimitIsRetryableWithItsAdvice() {
        JsonValue recorded = errors().get("recorded_429");
        upstream.then(Reply.json(429, recorded.get("body").toString()).headers(recordedHeaders(recorded.get("headers")))
                .header("retry-after", "30")
                .header("anthropic-ratelimit-requests-limit", "1000")
                .header("anthropic-ratelimit-requests-remaining", "0")
                .header("anthropic-ratelimit-requests-reset", "2025-08-21T12:40:30Z"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(ORDER));
        assertEquals(ErrorCategory.RATE_LIMIT, e.category());
        assertEquals(429, e.httpStatus());
        assertEquals(Duration.ofSeconds(30), e.retryAfter());
        assertEquals(Boolean.TRUE, e.shouldRetry().orElseThrow());
        assertEquals(0L, e.rateLimits().requestsRemaining());
        assertEquals(Instant.parse("2025-08-21T12:40:30Z"), e.rateLimits().requestsReset());
        assertTrue(e.getMessage().contains("would exceed your organization's rate limit"), e.getMessage());
    }

    @Test
    void overloaded529AuthAndContextLengthAreClassified() {
        upstream.then(Reply.json(529, errors().get("overloaded_529_body").toString()),
                Reply.json(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":"
                        + "\"invalid x-api-key\"},\"request_id\":\"req_1\"}"),
                Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                        + "\"prompt is too long: 208310 tokens > 200000 maximum\"},\"request_id\":\"req_2\"}"),
                Reply.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":"
                        + "\"max_tokens: Field required\"},\"request_id\":\"req_3\"}"),
                Reply.json(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal server error\"}}"));
        AnthropicProvider provider = provider();
        List<ProviderException> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            failures.add(assertThrows(ProviderException.class, () -> provider.complete(ORDER)));
        }
        assertEquals(List.of(ErrorCategory.OVERLOADED, ErrorCategory.AUTH, ErrorCategory.CONTEXT_LENGTH,
                ErrorCategory.INVALID_REQUEST, ErrorCategory.SERVER_ERROR),
                failures.stream().map(ProviderException::category).toList());
        assertEquals(529, failures.getFirst().httpStatus());
        failures.forEach(f -> assertFalse(f.getMessage().contains(KEY)));
    }

    @Test
    void anErrorEventMidStreamIsClassified() {
        List<String> pieces = new ArrayList<>(WireSamples.streamPieces("anthropic_stream.txt").subList(0, 4));
        pieces.add(errors().get("stream_error_event").asText());
        upstream.then(Reply.stream("text/event-stream", pieces));
        List<String> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(ORDER, c -> chunks.add(c.text())));
        assertEquals(ErrorCategory.OVERLOADED, e.category());
        assertEquals(List.of("["), chunks);
    }

    @Test
    void closedPortIsANetworkError() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider(WireServer.closedPortUrl()).complete(ORDER));
        assertEquals(ErrorCategory.NETWORK, e.category());
    }

    @Test
    void listsModelsAcrossPages() {
        upstream.then(
                Reply.json(200, "{\"data\":[{\"type\":\"model\",\"id\":\"claude-opus-4-6\",\"display_name\":\"Claude Opus 4.6\","
                        + "\"created_at\":\"2026-02-01T00:00:00Z\"}],\"has_more\":true,\"first_id\":\"claude-opus-4-6\","
                        + "\"last_id\":\"claude-opus-4-6\"}"),
                Reply.json(200, "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5-20250929\",\"display_name\":"
                        + "\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],\"has_more\":false,"
                        + "\"first_id\":\"claude-sonnet-4-5-20250929\",\"last_id\":\"claude-sonnet-4-5-20250929\"}"));
        assertEquals(List.of(new ModelInfo("claude-opus-4-6", null), new ModelInfo("claude-sonnet-4-5-20250929", null)),
                provider().listModels());
        assertEquals("/v1/models?limit=1000", upstream.received().get(0).path());
        assertEquals("/v1/models?limit=1000&after_id=claude-opus-4-6", upstream.received().get(1).path());
    }
}
