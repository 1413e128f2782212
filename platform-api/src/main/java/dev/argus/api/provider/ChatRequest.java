package dev.argus.api.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chat completion request in provider-neutral form.
 *
 * @param model       the model name as the provider knows it
 * @param messages    the conversation, oldest first
 * @param temperature sampling temperature, or {@code null} for the provider's default
 * @param maxTokens   output token limit, or {@code null} for the provider's default
 * @param parameters  further provider-specific parameters passed through as-is (JSON-compatible)
 * @param timeout     how long to wait for the whole answer
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Integer maxTokens,
                          Map<String, Object> parameters, Duration timeout) {

    /** Default timeout when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Requires a model and at least one message; fills in defaults. */
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** A request with provider defaults for everything but model and messages. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return new ChatRequest(model, messages, null, null, Map.of(), null);
    }
}
