package dev.argus.core.llm;

import dev.argus.core.server.ApiException;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/llm/request}: a chat request to a provider's model, given either as
 * messages or as a stored prompt with variables, plus the labels its logged calls carry.
 *
 * @param provider    provider extension id, e.g. {@code openai}
 * @param model       model name; defaults to the prompt version's model
 * @param messages    the conversation, unless {@code prompt} is given
 * @param prompt      a stored prompt to render, unless {@code messages} are given
 * @param temperature sampling temperature
 * @param maxTokens   output token limit
 * @param parameters  further provider parameters, passed through
 * @param timeoutMs   limit for each attempt
 * @param fallback    a model to try when the primary fails after its retries
 * @param stream      answer as server-sent events
 * @param userId      end user the calls are logged under
 * @param sessionId   session the calls are logged under
 * @param tags        labels of the logged calls
 * @param metadata    metadata of the logged calls
 */
record LlmRequest(String provider, String model, List<Message> messages, PromptRef prompt, Double temperature,
                  Integer maxTokens, Map<String, Object> parameters, Long timeoutMs, Target fallback, Boolean stream,
                  String userId, String sessionId, List<String> tags, Map<String, Object> metadata) {

    static final int MAX_MESSAGES = 500;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 64;
    static final long MAX_TIMEOUT_MS = 600_000;

    /** One message of the conversation. */
    record Message(String role, String content) {
    }

    /** A stored prompt: {@code version}, or {@code label} (default {@code production}), and its variables. */
    record PromptRef(String name, Integer version, String label, Map<String, Object> variables) {
    }

    /** A provider's model. */
    record Target(String provider, String model) {
    }

    /** Fills defaults and checks what the provider call cannot check itself; a problem is a 400 naming the field. */
    LlmRequest {
        if (provider == null || provider.isBlank()) {
            throw bad("provider is required, e.g. \"openai\"");
        }
        if ((messages == null) == (prompt == null)) {
            throw bad("give either messages or prompt");
        }
        if (messages != null) {
            if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
                throw bad("messages must hold 1 to " + MAX_MESSAGES + " messages");
            }
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                if (m == null || m.role() == null || !List.of("system", "user", "assistant", "tool").contains(m.role())
                        || m.content() == null) {
                    throw bad("messages[" + i + "] needs a role (system, user, assistant or tool) and content");
                }
            }
        }
        if (prompt != null && (prompt.name() == null || prompt.name().isBlank())) {
            throw bad("prompt.name is required");
        }
        if (prompt != null && prompt.version() != null && prompt.label() != null) {
            throw bad("prompt takes version or label, not both");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw bad("temperature must be between 0 and 2");
        }
        if (maxTokens != null && maxTokens < 1) {
            throw bad("max_tokens must be at least 1");
        }
        if (timeoutMs != null && (timeoutMs < 1 || timeoutMs > MAX_TIMEOUT_MS)) {
            throw bad("timeout_ms must be between 1 and " + MAX_TIMEOUT_MS);
        }
        if (fallback != null && (fallback.provider() == null || fallback.model() == null)) {
            throw bad("fallback needs provider and model");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        if (tags.size() > MAX_TAGS
                || tags.stream().anyMatch(t -> t == null || t.isBlank() || t.length() > MAX_TAG_LENGTH)) {
            throw bad("tags: at most " + MAX_TAGS + " tags of 1 to 64 characters");
        }
        parameters = parameters == null ? Map.of() : parameters;
        metadata = metadata == null ? Map.of() : metadata;
        stream = stream != null && stream;
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest("invalid_request", message);
    }
}
