package dev.argus.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one provider's API speaks: what a request asks, what a whole answer and each streamed event
 * carry. Implementations read only; the bytes reach the client unchanged.
 */
sealed interface WireFormat permits OpenAiWire, AnthropicWire, OllamaWire {

    /** The provider id calls are logged under, e.g. {@code openai}. */
    String provider();

    /** Whether this streams server-sent events (else newline-delimited JSON). */
    boolean sse();

    /** Reads the request body: model, input. */
    void request(JsonNode body, CallRecorder call);

    /** Reads a whole (non-streamed) successful answer. */
    void response(JsonNode body, CallRecorder call);

    /** Reads one streamed event ({@code event} is the SSE event name or {@code null}). */
    void event(String event, JsonNode data, CallRecorder call);

    /** Reads an error answer: category from status and the provider's error type. */
    default void error(int status, JsonNode body, CallRecorder call) {
        JsonNode error = body == null ? null : body.get("error");
        String type = null;
        String message = null;
        if (error != null && error.isObject()) {
            type = text(error.get("code"));
            if (type == null) {
                type = text(error.get("type"));
            } else if (text(error.get("type")) != null) {
                type = type + " " + text(error.get("type"));
            }
            message = text(error.get("message"));
        } else if (error != null && error.isTextual()) {
            message = error.textValue();
        }
        call.error(ErrorClassifier.classify(status, type, message),
                message != null ? message : "HTTP " + status, status == 0 ? null : status);
    }

    static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }
}
