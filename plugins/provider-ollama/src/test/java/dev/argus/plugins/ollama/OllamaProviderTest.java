package dev.argus.plugins.ollama;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.ModelInfo;
import dev.argus.api.provider.ProviderException;
import dev.argus.plugins.support.Json;
import dev.argus.plugins.support.JsonValue;
import dev.argus.plugins.testkit.TestContext;
import dev.argus.plugins.testkit.WireSamples;
import dev.argus.plugins.testkit.WireServer;
import dev.argus.plugins.testkit.WireServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OllamaProviderTest {

    private static final ChatRequest SKY = new ChatRequest("llama3.2", List.of(ChatMessage.user("why is the sky blue?")),
            0.1, 128, Map.of("options", Map.of("seed", 7)), null);

    private final WireServer upstream = WireServer.start();

    @AfterEach
    void stop() {
        upstream.close();
    }

    private OllamaProvider provider(String baseUrl, Map<String, String> more) {
        Map<String, String> settings = new LinkedHashMap<>(more);
        settings.put("base_url", baseUrl);
        return TestContext.init(new OllamaProvider(), settings, Clock.systemUTC());
    }

    private OllamaProvider provider() {
        return provider(upstream.baseUrl(), Map.of());
    }

    private static JsonValue chat() {
        return Json.read(WireSamples.text("ollama.json")).get("api_chat");
    }

    @Test
    void needsNoKeyAndDefaultsToTheLocalServer() {
        var schema = new OllamaProvider().configSchema();
        assertEquals(List.of(), schema.validate(Map.of()));
        assertEquals("http://127.0.0.1:11434", schema.bind(Map.of()).values().get("base_url"));
        assertTrue(schema.fields().stream().filter(f -> f.name().equals("api_key")).findFirst().orElseThrow().secret());
    }

    @Test
    void completesWithTheRecordedAnswer() {
        upstream.then(Reply.json(200, chat().get("non_stream_response").toString()));
        ChatResponse response = provider().complete(SKY);
        assertEquals("Hello! How are you today?", response.content());
        assertEquals("llama3.2", response.model());
        assertEquals(new Usage(26, 298, 0, 0, 0), response.usage());
        assertNull(response.timeToFirstToken());

        WireServer.Received sent = upstream.received().getFirst();
        assertEquals("/api/chat", sent.path());
        assertFalse(sent.headers().containsKey("authorization"));
        JsonValue body = Json.read(sent.body());
        assertFalse(body.get("stream").asBoolean(true));
        assertEquals("why is the sky blue?", body.get("messages").at(0).get("content").asText());
        assertEquals(128, body.get("options").get("num_predict").asLong(0));
        assertEquals(7, body.get("options").get("seed").asLong(0));
        assertEquals("0.1", body.get("options").get("temperature").raw().toString());
    }

    @Test
    void streamsNdjsonLineByLineWithCountsFromTheFinalObject() {
        JsonValue chunk = chat().get("stream_chunk");
        List<Object> lines = new ArrayList<>();
        for (String word : List.of("The", " sky", " is", " blue")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = new LinkedHashMap<>((Map<String, Object>) chunk.raw());
            line.put("message", Map.of("role", "assistant", "content", word));
            lines.add(line);
        }
        lines.add(chat().get("stream_final").raw());
        CountDownLatch firstTextSeen = new CountDownLatch(1);
        upstream.then(Reply.stream("application/x-ndjson", WireSamples.ndjson(lines.stream().map(Json::write).toList()))
                .pauseAfter(0, firstTextSeen));
        List<String> chunks = new ArrayList<>();
        ChatResponse response = provider().stream(SKY, c -> {
            chunks.add(c.text());
            firstTextSeen.countDown();
        });
        assertTrue(upstream.gatesOpenedInTime());
        assertEquals(List.of("The", " sky", " is", " blue"), chunks);
        assertEquals("The sky is blue", response.content());
        assertEquals(new Usage(26, 282, 0, 0, 0), response.usage());
        assertNotNull(response.timeToFirstToken());
        assertTrue(Json.read(upstream.received().getFirst().body()).get("stream").asBoolean(false));
    }

    @Test
    void anErrorLineMidStreamFailsTheCall() {
        String recorded = Json.read(WireSamples.text("ollama.json")).get("stream_error_example_ndjson").asText();
        upstream.then(Reply.stream("application/x-ndjson", List.of(recorded.split("(?<=\n)"))));
        List<String> chunks = new ArrayList<>();
        ProviderException e = assertThrows(ProviderException.class, () -> provider().stream(SKY, c -> chunks.add(c.text())));
        assertEquals(ErrorCategory.SERVER_ERROR, e.category());
        assertTrue(e.getMessage().contains("an error was encountered while running the model"), e.getMessage());
        assertEquals(List.of(), chunks, "the recorded chunk is a /api/generate line without message content");
    }

    @Test
    void errorsAreClassified() {
        upstream.then(Reply.json(404, "{\"error\":\"model \\\"llama9\\\" not found, try pulling it first\"}"),
                Reply.json(429, "{\"error\":\"too many requests\"}").header("Retry-After", "4"),
                Reply.json(400, "{\"error\":\"input length exceeds the context length\"}"),
                Reply.json(401, "{\"error\":\"unauthorized\"}"),
                Reply.json(500, "{\"error\":\"llama runner process has terminated\"}"));
        OllamaProvider provider = provider(upstream.baseUrl(), Map.of("api_key", "ollama-secret-token"));
        List<ProviderException> failures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            failures.add(assertThrows(ProviderException.class, () -> provider.complete(SKY)));
        }
        assertEquals(List.of(ErrorCategory.INVALID_REQUEST, ErrorCategory.RATE_LIMIT, ErrorCategory.CONTEXT_LENGTH,
                ErrorCategory.AUTH, ErrorCategory.SERVER_ERROR), failures.stream().map(ProviderException::category).toList());
        assertEquals(Duration.ofSeconds(4), failures.get(1).retryAfter());
        assertEquals(Duration.ofSeconds(4), failures.get(1).rateLimits().retryAfter());
        assertEquals("Bearer ollama-secret-token", upstream.received().getFirst().headers().get("authorization"));
    }

    @Test
    void closedPortIsANetworkError() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> provider(WireServer.closedPortUrl(), Map.of()).complete(SKY));
        assertEquals(ErrorCategory.NETWORK, e.category());
    }

    @Test
    void listsInstalledModels() {
        upstream.then(Reply.json(200, "{\"models\":[{\"name\":\"gemma3\",\"model\":\"gemma3\",\"modified_at\":"
                + "\"2025-10-03T23:34:03.409490317-07:00\",\"size\":3338801804,\"digest\":\"a2af6cc3eb7f\",\"details\":"
                + "{\"format\":\"gguf\",\"family\":\"gemma\",\"families\":[\"gemma\"],\"parameter_size\":\"4.3B\","
                + "\"quantization_level\":\"Q4_K_M\"}},{\"name\":\"llama3.2:latest\",\"model\":\"llama3.2:latest\"}]}"));
        assertEquals(List.of(new ModelInfo("gemma3", null), new ModelInfo("llama3.2:latest", null)), provider().listModels());
        assertEquals("/api/tags", upstream.received().getFirst().path());
    }
}
