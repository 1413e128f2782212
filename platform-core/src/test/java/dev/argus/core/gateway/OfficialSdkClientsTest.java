package dev.argus.core.gateway;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.storage.jooq.tables.records.LlmCallsRecord;
import dev.argus.core.testing.FakeProviderUpstream;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI and Anthropic Java SDKs, pointed at Argus's proxy by changing only the base URL
 * and adding the Argus key header, get the upstream's answers — whole and streamed — while Argus logs
 * each call with its usage.
 */
class OfficialSdkClientsTest {

    @TempDir
    static Path plugins;
    static FakeProviderUpstream openAi;
    static FakeProviderUpstream anthropic;
    static RunningArgus argus;
    static Fixtures fx;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        openAi = FakeProviderUpstream.openAi();
        anthropic = FakeProviderUpstream.anthropic();
        argus = RunningArgus.start(plugins, Map.of("ARGUS_PROXY_OPENAI_UPSTREAM", openAi.baseUrl(),
                "ARGUS_PROXY_ANTHROPIC_UPSTREAM", anthropic.baseUrl()));
        fx = new Fixtures(argus);
    }

    @AfterAll
    static void stop() {
        argus.close();
        openAi.close();
        anthropic.close();
    }

    static String proxyKey(UUID project) {
        ApiKeyCredentials key = fx.key(project, Set.of(ApiKeyScope.PROXY));
        return key.publicKey() + ":" + key.secret();
    }

    static Result<LlmCallsRecord> calls(UUID project, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Result<LlmCallsRecord> calls;
        do { // proxied calls are logged just after the client has its answer
            calls = fx.dsl().selectFrom(LLM_CALLS).where(LLM_CALLS.PROJECT_ID.eq(project))
                    .orderBy(LLM_CALLS.STARTED_AT).fetch();
            if (calls.size() >= expected) {
                return calls;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return calls;
    }

    @Test
    void openAiSdkWholeAndStreamed() throws Exception {
        UUID project = fx.project("openai-sdk");
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(argus.uri("/proxy/openai/v1").toString())
                .apiKey("sk-proj-client-own-key-0123456789")
                .putHeader("X-Argus-Key", proxyKey(project))
                .putHeader("X-Argus-User", "user-sdk")
                .maxRetries(0)
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("Hello!").build();
        ChatCompletion completion = client.chat().completions().create(params);
        assertEquals("Hello! How can I assist you today?", completion.choices().get(0).message().content().orElseThrow());
        assertEquals(19, completion.usage().orElseThrow().promptTokens());

        StringBuilder streamed = new StringBuilder();
        long[] usage = new long[1];
        try (var stream = client.chat().completions().createStreaming(params.toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach((ChatCompletionChunk chunk) -> {
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(streamed::append));
                chunk.usage().ifPresent(u -> usage[0] = u.completionTokens());
            });
        }
        assertFalse(streamed.isEmpty(), "the SDK read the relayed stream");
        assertTrue(usage[0] > 0, "the final usage chunk reached the SDK");
        assertEquals("Bearer sk-proj-client-own-key-0123456789",
                openAi.received().getLast().headers().get("authorization"), "the client's provider key is forwarded");

        Result<LlmCallsRecord> calls = calls(project, 2);
        assertEquals(2, calls.size(), calls.toString());
        assertEquals(19, calls.get(0).getInputTokens());
        assertEquals("user-sdk", calls.get(0).getUserId());
        assertEquals(streamed.toString(), calls.get(1).getOutputText());
        assertEquals(usage[0], calls.get(1).getOutputTokens());
    }

    @Test
    void anthropicSdkWholeAndStreamed() throws Exception {
        UUID project = fx.project("anthropic-sdk");
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .baseUrl(argus.uri("/proxy/anthropic").toString())
                .apiKey("sk-ant-api03-client-own-key-0123")
                .putHeader("X-Argus-Key", proxyKey(project))
                .maxRetries(0)
                .build();
        MessageCreateParams params = MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(256)
                .addUserMessage("Hello!").build();
        Message message = client.messages().create(params);
        assertFalse(message.content().isEmpty());
        long inputTokens = message.usage().inputTokens();
        assertTrue(inputTokens > 0);

        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            stream.stream().forEach(event -> event.contentBlockDelta()
                    .flatMap(delta -> delta.delta().text()).ifPresent(text -> streamed.append(text.text())));
        }
        assertFalse(streamed.isEmpty(), "the SDK read the relayed event stream");
        Map<String, String> sent = anthropic.received().getLast().headers();
        assertTrue("sk-ant-api03-client-own-key-0123".equals(sent.get("x-api-key"))
                || "Bearer sk-ant-api03-client-own-key-0123".equals(sent.get("authorization")),
                "the client's provider key is forwarded as the SDK sent it: " + sent);

        List<LlmCallsRecord> calls = calls(project, 2);
        assertEquals(2, calls.size(), calls.toString());
        assertEquals(inputTokens, calls.get(0).getInputTokens());
        assertEquals(streamed.toString(), calls.get(1).getOutputText());
        assertTrue(calls.get(1).getOutputTokens() > 0);
    }
}
