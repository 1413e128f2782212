package dev.argus.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ErrorCategory;
import dev.argus.api.ExtensionKind;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.LlmProvider;
import dev.argus.core.plugins.PluginHost;
import dev.argus.core.plugins.PluginStatus;
import dev.argus.core.testing.TestPlugins;
import dev.argus.plugins.support.Json;
import dev.argus.plugins.testkit.WireSamples;
import dev.argus.plugins.testkit.WireServer;
import dev.argus.plugins.testkit.WireServer.Reply;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resilience layer driving the real provider plugin jars, loaded from a folder by the plugin
 * host, against loopback servers that replay the providers' wire formats. Waits between retries go
 * to a clock the test controls, so backoff and Retry-After are asserted exactly.
 */
class ResilientLlmTest {

    private static final String OPENAI_KEY = "sk-test-core-0001";
    private static final String ANTHROPIC_KEY = "sk-ant-test-core-0002";
    private static final ChatRequest HELLO = ChatRequest.of("ignored", List.of(ChatMessage.user("Hello!")));
    private static final Route OPENAI = Route.to("openai", "gpt-5.4");
    private static final Route ANTHROPIC = Route.to("anthropic", "claude-sonnet-4-5");
    private static final Route OLLAMA = Route.to("ollama", "llama3.2");

    @TempDir
    Path plugins;

    private final WireServer openai = WireServer.start();
    private final WireServer anthropic = WireServer.start();
    private final WireServer ollama = WireServer.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<Attempt> reported = Collections.synchronizedList(new ArrayList<>());
    private PluginHost host;

    @BeforeEach
    void loadPlugins() throws Exception {
        for (String jar : List.of("provider-openai.jar", "provider-anthropic.jar", "provider-ollama.jar")) {
            TestPlugins.copyBundled(jar, plugins);
        }
        host = startHost(ollama.baseUrl());
    }

    private PluginHost startHost(String ollamaUrl) {
        PluginHost started = new PluginHost(plugins, Map.of(
                "openai", Map.of("api_key", OPENAI_KEY, "base_url", openai.baseUrl() + "/v1"),
                "anthropic", Map.of("api_key", ANTHROPIC_KEY, "base_url", anthropic.baseUrl()),
                "ollama", Map.of("base_url", ollamaUrl)), Clock.systemUTC());
        started.start();
        return started;
    }

    @AfterEach
    void close() {
        host.close();
        openai.close();
        anthropic.close();
        ollama.close();
    }

    /** Jitter pinned to its cap, so every backoff equals its exponential cap. */
    private ResilientLlm llm(ResiliencePolicy policy) {
        return new ResilientLlm(host.registry()::provider, policy, new CircuitBreakers(policy.circuit(), clock), clock,
                clock, cap -> cap);
    }

    private static String openAiAnswer() {
        return Json.read(WireSamples.text("openai_chat_completions.json")).get("response").toString();
    }

    private static String anthropicAnswer() {
        return Json.read(WireSamples.text("anthropic_messages.json")).get("response").toString();
    }

    private static String ollamaAnswer() {
        return Json.read(WireSamples.text("ollama.json")).get("api_chat").get("non_stream_response").toString();
    }

    private static String openAi429() {
        return Json.read(WireSamples.text("openai_errors_and_ratelimits.json")).get("example_429_tokens").get("body").toString();
    }

    @Test
    void theThreeProviderJarsLoadFromTheFolderWithTheirOwnCopyOfTheSupportCode() throws Exception {
        for (String id : List.of("provider-openai", "provider-anthropic", "provider-ollama")) {
            PluginStatus status = host.statuses().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
            assertEquals("started", status.state(), status.toString());
            assertEquals("active", status.extensions().getFirst().state(), status.toString());
        }
        Object openAi = unwrap(host.registry().find(ExtensionKind.PROVIDER, "openai").orElseThrow().extension());
        ClassLoader loader = openAi.getClass().getClassLoader();
        loader.loadClass("dev.argus.plugins.openai.shaded.support.Json");
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("dev.argus.plugins.support.Json"),
                "the unrelocated helper on core's class path stays hidden from plugins");
    }

    @Test
    void retrySucceedsAfterA429ThatAskedToWait() {
        openai.then(Reply.json(429, openAi429()).header("retry-after", "2").header("x-ratelimit-remaining-tokens", "0")
                        .header("x-ratelimit-reset-tokens", "6m0s"),
                Reply.json(200, openAiAnswer()).header("x-ratelimit-remaining-tokens", "149984"));

        CallResult result = llm(ResiliencePolicy.DEFAULT).complete(OPENAI, HELLO, reported::add);

        assertEquals("Hello! How can I assist you today?", result.response().content());
        assertEquals(new ModelRef("openai", "gpt-5.4"), result.servedBy());
        assertEquals(List.of(Duration.ofSeconds(2)), clock.sleeps(), "waited exactly what Retry-After asked");
        assertEquals(result.attempts(), reported);
        Attempt throttled = reported.get(0);
        assertEquals(ErrorCategory.RATE_LIMIT, throttled.error());
        assertEquals(429, throttled.httpStatus());
        assertEquals(Duration.ofSeconds(2), throttled.retryAfter());
        assertEquals(Duration.ofSeconds(2), throttled.nextDelay());
        assertEquals(0L, throttled.rateLimits().tokensRemaining());
        assertTrue(throttled.sentUpstream());
        Attempt answered = reported.get(1);
        assertTrue(answered.success());
        assertEquals(2, answered.number());
        assertEquals(new Usage(19, 10, 0, 0, 0), answered.response().usage());
        assertEquals(149_984L, answered.rateLimits().tokensRemaining());
        assertEquals(2, openai.received().size());
        assertEquals("gpt-5.4", Json.read(openai.received().get(1).body()).get("model").asText());
    }

    @Test
    void anOverloadedAnthropicIsRetriedAndTheStreamArrivesOnce() {
        anthropic.then(Reply.json(529, Json.read(WireSamples.text("anthropic_errors_and_ratelimits.json"))
                        .get("overloaded_529_body").toString()),
                Reply.stream("text/event-stream", WireSamples.streamPieces("anthropic_stream.txt")));
        List<String> chunks = new ArrayList<>();
        CallResult result = llm(ResiliencePolicy.DEFAULT).stream(ANTHROPIC, HELLO, c -> chunks.add(c.text()),
                reported::add);

        assertEquals(List.of("[", "12", "345,", "67890]"), chunks);
        assertEquals(new Usage(135, 10, 0, 0, 0), result.response().usage());
        assertEquals(List.of(Duration.ofMillis(500)), clock.sleeps(), "first backoff cap, no Retry-After");
        assertEquals(ErrorCategory.OVERLOADED, reported.get(0).error());
        assertEquals(529, reported.get(0).httpStatus());
        assertTrue(reported.get(1).success());
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndClosesAfterAGoodProbe() {
        ResiliencePolicy policy = ResiliencePolicy.DEFAULT.withMaxAttempts(1)
                .withCircuit(new ResiliencePolicy.CircuitPolicy(3, Duration.ofSeconds(30), 1));
        ResilientLlm llm = llm(policy);
        ollama.then(Reply.json(500, "{\"error\":\"llama runner process has terminated\"}"),
                Reply.json(500, "{\"error\":\"llama runner process has terminated\"}"),
                Reply.json(500, "{\"error\":\"llama runner process has terminated\"}"));
        for (int i = 0; i < 3; i++) {
            CallFailedException e = assertThrows(CallFailedException.class, () -> llm.complete(OLLAMA, HELLO, reported::add));
            assertEquals(ErrorCategory.SERVER_ERROR, e.category());
        }
        ModelRef model = OLLAMA.primary();
        assertEquals(CircuitState.OPEN, llm.breakers().state(model));

        CallFailedException refused = assertThrows(CallFailedException.class,
                () -> llm.complete(OLLAMA, HELLO, reported::add));
        assertEquals(ErrorCategory.OVERLOADED, refused.category());
        assertTrue(refused.getMessage().contains("circuit open for ollama/llama3.2"), refused.getMessage());
        assertFalse(reported.getLast().sentUpstream());
        assertEquals(3, ollama.received().size(), "an open circuit sends nothing upstream");
        assertEquals(CircuitState.CLOSED, llm.breakers().state(new ModelRef("ollama", "other-model")),
                "breakers are per provider+model");

        clock.advance(Duration.ofSeconds(30));
        ollama.then(Reply.json(200, ollamaAnswer()));
        assertEquals("Hello! How are you today?", llm.complete(OLLAMA, HELLO, reported::add).response().content());
        assertEquals(CircuitState.CLOSED, llm.breakers().state(model));
    }

    @Test
    void theFallbackModelAnswersWhenThePrimaryKeepsFailing() {
        openai.then(Reply.json(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\","
                        + "\"param\":null,\"code\":null}}"),
                Reply.json(500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\","
                        + "\"param\":null,\"code\":null}}"));
        anthropic.then(Reply.json(200, anthropicAnswer()));
        CallResult result = llm(ResiliencePolicy.DEFAULT.withMaxAttempts(2))
                .complete(OPENAI.withFallback("anthropic", "claude-sonnet-4-5"), HELLO, reported::add);

        assertTrue(result.fellBack());
        assertEquals(new ModelRef("anthropic", "claude-sonnet-4-5"), result.servedBy());
        assertEquals(new Usage(406, 50, 0, 0, 0), result.response().usage());
        assertEquals(List.of(false, false, true), reported.stream().map(Attempt::fallback).toList());
        assertEquals(List.of(1, 2, 3), reported.stream().map(Attempt::number).toList());
        assertEquals(ErrorCategory.SERVER_ERROR, reported.get(1).error());
        assertNull(reported.get(1).nextDelay(), "the last primary attempt is not retried");
        assertEquals(List.of(Duration.ofMillis(500)), clock.sleeps());
        assertEquals("claude-sonnet-4-5", Json.read(anthropic.received().getFirst().body())
                .get("model").asText());
    }

    @Test
    void upstreamAdviceAndLongWaitsStopRetries() {
        openai.then(Reply.json(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":"
                + "\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}"));
        CallFailedException quota = assertThrows(CallFailedException.class,
                () -> llm(ResiliencePolicy.DEFAULT).complete(OPENAI, HELLO, reported::add));
        assertEquals(ErrorCategory.RATE_LIMIT, quota.category());
        assertEquals(1, quota.attempts().size());

        anthropic.then(Reply.json(429, Json.read(WireSamples.text("anthropic_errors_and_ratelimits.json")).get("recorded_429")
                .get("body").toString()).header("retry-after", "120"));
        CallFailedException tooLong = assertThrows(CallFailedException.class,
                () -> llm(ResiliencePolicy.DEFAULT).complete(ANTHROPIC, HELLO, reported::add));
        assertEquals(Duration.ofSeconds(120), tooLong.retryAfter());
        assertEquals(1, tooLong.attempts().size(), "Retry-After above maxRetryAfter is not waited for");

        openai.then(Reply.json(429, openAi429()).header("retry-after", "2"));
        CallFailedException overBudget = assertThrows(CallFailedException.class, () -> llm(
                ResiliencePolicy.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .complete(OPENAI, HELLO, reported::add));
        assertEquals(1, overBudget.attempts().size(), "a wait past the total budget is not started");
        assertEquals(List.of(), clock.sleeps());

        // x-should-retry: true makes a normally final answer retryable
        anthropic.then(Reply.json(409, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                        + "\"message\":\"conflict\"}}").header("x-should-retry", "true"),
                Reply.json(200, anthropicAnswer()));
        assertTrue(llm(ResiliencePolicy.DEFAULT).complete(ANTHROPIC, HELLO, reported::add).response().content()
                .contains("Green Tea"));
    }

    @Test
    void networkFailuresBackOffExponentiallyThenFail() {
        host.close();
        host = startHost(WireServer.closedPortUrl());
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> llm(ResiliencePolicy.DEFAULT).complete(OLLAMA, HELLO, reported::add));
        assertEquals(ErrorCategory.NETWORK, e.category());
        assertEquals(3, e.attempts().size());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), clock.sleeps());
    }

    @Test
    void anUnansweredAttemptTimesOut() {
        ollama.hangRequests();
        ResiliencePolicy policy = ResiliencePolicy.DEFAULT.withMaxAttempts(1)
                .withTimeouts(Duration.ofMillis(300), Duration.ofMinutes(1));
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> llm(policy).complete(OLLAMA, HELLO, reported::add));
        assertEquals(ErrorCategory.TIMEOUT, e.category());
        assertEquals(ErrorCategory.TIMEOUT, reported.getFirst().error());
    }

    @Test
    void aStreamThatAlreadyDeliveredTextIsNeitherRetriedNorReplaced() {
        List<String> pieces = new ArrayList<>(WireSamples.streamPieces("anthropic_stream.txt").subList(0, 4));
        pieces.add(Json.read(WireSamples.text("anthropic_errors_and_ratelimits.json")).get("stream_error_event").asText());
        anthropic.then(Reply.stream("text/event-stream", pieces));
        List<String> chunks = new ArrayList<>();
        CallFailedException e = assertThrows(CallFailedException.class, () -> llm(ResiliencePolicy.DEFAULT)
                .stream(ANTHROPIC.withFallback("openai", "gpt-5.4"), HELLO, c -> chunks.add(c.text()), reported::add));
        assertEquals(ErrorCategory.OVERLOADED, e.category());
        assertEquals(List.of("["), chunks);
        assertEquals(1, reported.size());
        assertEquals(0, openai.received().size());
    }

    @Test
    void anUnknownProviderIsReportedWithoutACall() {
        CallFailedException e = assertThrows(CallFailedException.class,
                () -> llm(ResiliencePolicy.DEFAULT).complete(Route.to("nope", "x"), HELLO, reported::add));
        assertEquals(ErrorCategory.INVALID_REQUEST, e.category());
        assertFalse(reported.getFirst().sentUpstream());
    }

    private static Object unwrap(Object proxy) throws Exception {
        var handler = java.lang.reflect.Proxy.getInvocationHandler(proxy);
        for (var field : handler.getClass().getDeclaredFields()) {
            field.setAccessible(true);
            Object value = field.get(handler);
            if (value instanceof LlmProvider) {
                return value;
            }
        }
        throw new AssertionError("no target in proxy");
    }
}
