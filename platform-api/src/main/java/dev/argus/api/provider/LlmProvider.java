package dev.argus.api.provider;

import dev.argus.api.ArgusExtension;
import dev.argus.api.ErrorCategory;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A large-language-model provider (OpenAI, Anthropic, Ollama, …). The host uses it to run
 * {@code POST /api/v1/llm/request}, evaluation judges and experiments; it logs every call itself,
 * so a provider only talks to its upstream.
 *
 * <p>Failures are reported by throwing {@link ProviderException} with a normalised
 * {@link ErrorCategory}; the host applies retries, timeouts and circuit breaking around the calls.
 */
public interface LlmProvider extends ArgusExtension {

    /**
     * Runs one chat completion and waits for the whole answer.
     *
     * @throws ProviderException when the upstream fails or refuses the request
     */
    ChatResponse complete(ChatRequest request);

    /**
     * Runs one chat completion, handing each piece of text to {@code onChunk} as it arrives. Blocks
     * until the answer is complete. Providers that cannot stream may call {@code onChunk} once.
     *
     * @return the complete response, including usage when the upstream reports it
     * @throws ProviderException when the upstream fails or refuses the request
     */
    default ChatResponse stream(ChatRequest request, Consumer<ChatChunk> onChunk) {
        ChatResponse response = complete(request);
        onChunk.accept(new ChatChunk(response.content(), 0));
        return response;
    }

    /** The models this provider offers with the current configuration. */
    default List<ModelInfo> listModels() {
        return List.of();
    }

    /**
     * Reads rate-limit headroom from an upstream response's headers (names lower-case).
     *
     * @return the snapshot, or {@link RateLimitSnapshot#NONE} when the headers carry none
     */
    default RateLimitSnapshot parseRateLimits(Map<String, List<String>> headers) {
        return RateLimitSnapshot.NONE;
    }

    /**
     * Classifies an upstream error answer.
     *
     * @param httpStatus the HTTP status code
     * @param body       the response body, possibly empty
     */
    default ErrorCategory classifyError(int httpStatus, String body) {
        return ErrorClassification.byStatus(httpStatus);
    }
}
