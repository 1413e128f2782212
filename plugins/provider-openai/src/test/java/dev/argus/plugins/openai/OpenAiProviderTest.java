package dev.argus.plugins.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ConfigField;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiProviderTest {

    private static final String KEY = "sk-test-0123456789abcdef";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final ChatRequest HELLO = new ChatRequest("gpt-5.4",
            List.of(new ChatMessage("developer", "You are a helpful assistant."), ChatMessage.user("Hello!")),
            0.2, 64, Map.of(), null);

    private final WireServer upstream = WireServer.start();

    @AfterEach
    void stop() {
        upstream.close();
    }

    private OpenAiProvider provider(String baseUrl) {
        return TestContext.init(new OpenAiProvider(), Map.of("api_key", KEY, "base_url", baseUrl + "/v1",
                "organization", "org-test", "project", "proj_test"), CLOCK);
    }

    private OpenAiProvider provider() {
        return provider(upstream.baseUrl());
    }

    private static String recordedResponse() {
        return Json.read(WireSamples.text("openai_chat_completions.json")).get("response").toString();
    }

    private static Map<String, String> documentedRateLimitHeaders() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> sample = (Map<String, Object>) Json.read(WireSamples.text("openai_errors_and_ratelimits.json"))
                .get("rate_limit_headers").get("documented_sample").raw();
        sample.forEach((k, v) -> headers.put(k, String.valueOf(v)));
        return headers;
    }

    @Test
    void schemaHasASecretKeyAndPublicDefaults() {
        var schema = new OpenAiProvider().configSchema();
        ConfigField key = schema.fields().stream().filter(f -> f.name().equals("api_key")).findFirst().orElseThrow();
        assertTrue(key.secret() && key.required());
        assertEquals(List.of("api_key is required"), schema.validate(Map.of()));
        var bound = schema.bind(Map.of("api_key", KEY));
        assertEquals("https://api.openai.com/v1", bound.values().get("base_url"));
        assertEquals("60s", bound.values().get("timeout"));
    }

    @Test
    void completesWithTheRecordedAnswerHeadersAndRequestShape() {
        upstream.then(Reply.json(200, recordedResponse()).headers(documentedRateLimitHeaders())
                .header("x-request-id", "req_abc123"));
        ChatResponse response = provider().complete(HELLO);

        assertEquals("Hello! How can I assist you today?", response.content());
        assertEquals("gpt-5.4", response.model());
        assertEquals("stop", response.finishReason());
        assertEquals(new Usage(19, 10, 0, 0, 0), response.usage());
        assertEquals("req_abc123", response.upstreamRequestId());
        assertNull(response.timeToFirstToken());
        assertEquals(new RateLimitSnapshot(60L, 59L, CLOCK.instant().plusSeconds(1), 150_000L, 149_984L,
                CLOCK.instant().plus(Duration.ofMinutes(6)), null), response.rateLimits());

        WireServer.Received sent = upstream.received().getFirst();
        assertEquals("POST", sent.method());
        assertEquals("/v1/chat/completions", sent.path());
        assertEquals("Bearer " + KEY, sent.headers().get("authorization"));
        assertEquals("org-test", sent.headers().get("openai-organization"));
        assertEquals("proj_test", sent.headers().get("openai-project"));
        JsonValue body = Json.read(sent.body());
        assertEquals("gpt-5.4", body.get("model").asText());
        assertEquals("developer", body.get("messages").at(0).get("role").asText());
        assertEquals("Hello!", body.get("messages").at(1).get("content").asText());
        assertEquals(64, body.get("max_completion_tokens").asLong(0));
        assertTrue(body.get("stream").isMissing());
    }

    @Test
    void cachedTokensLeaveInputAndReasoningTokensAreReported() {
        String response = recordedResponse()
                .replace("\"prompt_tokens\":19", "\"prompt_tokens\":2006")
                .replace("\"completion_tokens\":10", "\"completion_tokens\":300")
                .replace("\"cached_tokens\":0", "\"cached_tokens\":1920")
                .replace("\"reasoning_tokens\":0", "\"reasoning_tokens\":192");
        upstream.then(Reply.json(200, response));
        Usage usage = provider().complete(HELLO).usage();
        assertEquals(new Usage(86, 300, 1920, 0, 192), usage);
        assertEquals(2006, usage.totalInputTokens());
    }

    @Test
    void streamsChunkByChunkAndReadsTheFinalUsageChunk() {
        CountDownLatch firstTextSeen = new CountDownLatch(1);
        upstream.then(Reply.stream("text/event-stream", WireSamples.streamPieces("openai_chat_stream_include_usage.txt"))
                .pauseAfter(1, firstTextSeen).headers(documentedRateLimitHeaders()));
        List<String> chunks = new ArrayList<>();
        ChatResponse response = provider().stream(HELLO, chunk -> {
            chunks.add(chunk.text());
            assertEquals(chunks.size() - 1, chunk.index());
            firstTextSeen.countDown();
        });

        assertTrue(upstream.gatesOpenedInTime(), "the first chunk reached the caller before the rest was sent");
        assertEquals(List.of("Hi", ",", " how", " are", " you", "?"), chunks);
        assertEquals("Hi, how are you?", response.content());
        assertEquals("stop", response.finishReason());
        assertEquals("gpt-3.5-turbo-0125", response.model());
        assertEquals(new Usage(10, 5, 0, 0, 0), response.usage());
        assertEquals("chatcmpl-CVFjOTBIgA3kuQLnIXXxtg7Ge7hbs", response.upstreamRequestId());
        assertNotNull(response.timeToFirstToken());
        assertEquals(59L, response.rateLimits().requestsRemaining());

        JsonValue body = Json.read(upstream.received().getFirst().body());
        assertTrue(body.get("stream").asBoolean(false));
        assertTrue(body.get("stream_options").get("include_usage").asBoolean(false));
        assertEquals("text/event-stream", upstream.received().getFirst().headers().get("accept"));
    }

    @Test
    void rateLimitCarriesCategoryRetryAfterAndHeadroom() {
        String body = Json.read(WireSamples.text("openai_errors_and_ratelimits.json")).get("example_429_tokens").get("body").toString();
        upstream.then(Reply.json(429, body).header("retry-after", "2").header("x-should-retry", "true")
                .header("x-ratelimit-limit-tokens", "10000").header("x-ratelimit-remaining-tokens", "0")
                .header("x-ratelimit-reset-tokens", "6ms").header("x-ratelimit-limit-requests", "200")
                .header("x-ratelimit-remaining-requests", "199").header("x-ratelimit-reset-requests", "300ms"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(HELLO));
        assertEquals(ErrorCategory.RATE_LIMIT, e.category());
        assertEquals(429, e.httpStatus());
        assertEquals(Duration.ofSeconds(2), e.retryAfter());
        assertEquals(Boolean.TRUE, e.shouldRetry().orElseThrow());
        assertEquals(new RateLimitSnapshot(200L, 199L, CLOCK.instant().plusMillis(300), 10_000L, 0L,
                CLOCK.instant().plusMillis(6), Duration.ofSeconds(2)), e.rateLimits());
        assertTrue(e.getMessage().contains("Rate limit reached for 10KTPM-200RPM"), e.getMessage());
    }

    @Test
    void exhaustedQuotaIsARateLimitThatMustNotBeRetried() {
        upstream.then(Reply.json(429, "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan "
                + "and billing details.\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(HELLO));
        assertEquals(ErrorCategory.RATE_LIMIT, e.category());
        assertEquals(Boolean.FALSE, e.shouldRetry().orElseThrow());
    }

    @Test
    void badKeyIsAuthAndTheKeyNeverAppearsInTheError() {
        upstream.then(Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". You can find "
                + "your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":\"invalid_api_key\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(HELLO));
        assertEquals(ErrorCategory.AUTH, e.category());
        assertEquals(401, e.httpStatus());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        assertTrue(e.getMessage().contains("Incorrect API key provided: [redacted]"), e.getMessage());
    }

    @Test
    void contextLengthAndContentFilterAreReadFromTheErrorCode() {
        upstream.then(Reply.json(400, "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens. "
                        + "However, your messages resulted in 130412 tokens. Please reduce the length of the messages.\","
                        + "\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"),
                Reply.json(400, "{\"error\":{\"message\":\"The response was filtered due to the prompt triggering "
                        + "content management policy.\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\"}}"),
                Reply.json(400, "{\"error\":{\"message\":\"Unrecognized request argument supplied: foo\","
                        + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"),
                Reply.json(503, "{\"error\":{\"message\":\"The engine is currently overloaded, please try again later\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}"),
                Reply.json(500, "{\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}"));
        OpenAiProvider provider = provider();
        List<ErrorCategory> categories = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            categories.add(assertThrows(ProviderException.class, () -> provider.complete(HELLO)).category());
        }
        assertEquals(List.of(ErrorCategory.CONTEXT_LENGTH, ErrorCategory.CONTENT_FILTER, ErrorCategory.INVALID_REQUEST,
                ErrorCategory.OVERLOADED, ErrorCategory.SERVER_ERROR), categories);
    }

    @Test
    void anErrorInsideTheStreamFailsTheCall() {
        upstream.then(Reply.stream("text/event-stream", List.of(
                WireSamples.streamPieces("openai_chat_stream_include_usage.txt").get(1),
                "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n")));
        List<String> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(HELLO, c -> chunks.add(c.text())));
        assertEquals(ErrorCategory.SERVER_ERROR, e.category());
        assertEquals(List.of("Hi"), chunks);
    }

    @Test
    void closedPortIsANetworkError() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider(WireServer.closedPortUrl()).complete(HELLO));
        assertEquals(ErrorCategory.NETWORK, e.category());
        assertEquals(0, e.httpStatus());
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsATimeout() {
        upstream.hangRequests();
        ChatRequest quick = new ChatRequest("gpt-5.4", List.of(ChatMessage.user("hi")), null, null, Map.of(),
                Duration.ofMillis(300));
        ProviderException e = assertThrows(ProviderException.class, () -> provider().complete(quick));
        assertEquals(ErrorCategory.TIMEOUT, e.category());
    }

    @Test
    void listsModels() {
        upstream.then(Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-5.4\",\"object\":\"model\","
                + "\"created\":1741569952,\"owned_by\":\"openai\"},{\"id\":\"gpt-4o-mini\",\"object\":\"model\","
                + "\"created\":1721172741,\"owned_by\":\"system\"}]}"));
        assertEquals(List.of(new ModelInfo("gpt-5.4", null), new ModelInfo("gpt-4o-mini", null)), provider().listModels());
        assertEquals("/v1/models", upstream.received().getFirst().path());
        assertEquals("Bearer " + KEY, upstream.received().getFirst().headers().get("authorization"));
    }

    @Test
    void classifyErrorAndParseRateLimitsWorkWithoutACall() {
        OpenAiProvider provider = new OpenAiProvider();
        assertEquals(ErrorCategory.CONTEXT_LENGTH, provider.classifyError(400,
                "{\"error\":{\"message\":\"x\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"context_length_exceeded\"}}"));
        assertEquals(ErrorCategory.SERVER_ERROR, provider.classifyError(502, "<html>bad gateway</html>"));
        RateLimitSnapshot limits = provider.parseRateLimits(Map.of("x-ratelimit-remaining-requests", List.of("4999")));
        assertEquals(4999L, limits.requestsRemaining());
    }
}
