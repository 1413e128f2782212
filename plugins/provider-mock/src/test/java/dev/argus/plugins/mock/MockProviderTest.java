package dev.argus.plugins.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ErrorCategory;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatRequest;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.ProviderException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MockProviderTest {

    private final MockProvider provider = new MockProvider();

    @BeforeEach
    void init() {
        PluginConfig config = provider.configSchema().bind(Map.of("latency_ms", "0", "jitter_ms", "0"));
        provider.init(new PluginContext() {
            public PluginConfig config() { return config; }
            public HttpClient httpClient() { return HttpClient.newHttpClient(); }
            public Clock clock() { return Clock.systemUTC(); }
            public System.Logger logger() { return System.getLogger("mock"); }
        });
    }

    @Test
    void sameRequestGivesSameAnswerAndUsage() {
        ChatRequest request = ChatRequest.of("mock-small", List.of(ChatMessage.user("What is observability?")));
        ChatResponse first = provider.complete(request);
        ChatResponse second = provider.complete(request);
        assertEquals(first.content(), second.content());
        assertEquals(first.usage(), second.usage());
        assertEquals(24, first.content().split(" ").length);
        assertEquals(6, first.usage().inputTokens()); // 22 characters -> 6 tokens
    }

    @Test
    void differentPromptsGiveDifferentAnswers() {
        String a = provider.complete(ChatRequest.of("mock-small", List.of(ChatMessage.user("alpha beta")))).content();
        String b = provider.complete(ChatRequest.of("mock-small", List.of(ChatMessage.user("gamma delta")))).content();
        assertNotEquals(a, b);
    }

    @Test
    void streamedChunksConcatenateToTheAnswer() {
        List<String> chunks = new ArrayList<>();
        ChatResponse response = provider.stream(
                ChatRequest.of("mock-large", List.of(ChatMessage.user("stream please"))), c -> chunks.add(c.text()));
        assertEquals(response.content(), String.join("", chunks));
        assertTrue(chunks.size() > 1);
    }

    @Test
    void forcedErrorCarriesItsCategory() {
        ProviderException e = assertThrows(ProviderException.class, () -> provider.complete(
                ChatRequest.of("mock-small", List.of(ChatMessage.user("hi [mock:error=rate_limit]")))));
        assertEquals(ErrorCategory.RATE_LIMIT, e.category());
        assertEquals(429, e.httpStatus());
    }
}
