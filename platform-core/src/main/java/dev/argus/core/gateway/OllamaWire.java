package dev.argus.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** Ollama's native API ({@code /api/chat}, {@code /api/generate}): NDJSON, metrics on the {@code done} line. */
record OllamaWire() implements WireFormat {

    @Override
    public String provider() {
        return "ollama";
    }

    @Override
    public boolean sse() {
        return false;
    }

    @Override
    public void request(JsonNode body, CallRecorder call) {
        call.model(WireFormat.text(body.get("model")));
        JsonNode messages = body.get("messages");
        if (messages != null && messages.isArray()) {
            call.input(messages, CallRecorder.messagesText(messages));
        } else if (body.path("prompt").isTextual()) {
            call.input(body.get("prompt"), body.get("prompt").textValue());
        }
    }

    @Override
    public void response(JsonNode body, CallRecorder call) {
        event(null, body, call);
    }

    @Override
    public void event(String event, JsonNode data, CallRecorder call) {
        if (data.has("error")) {
            error(0, data, call);
            return;
        }
        call.model(WireFormat.text(data.get("model")));
        String content = WireFormat.text(data.path("message").get("content"));
        if (content == null) {
            content = WireFormat.text(data.get("response"));
        }
        if (content != null && !content.isEmpty()) {
            call.firstToken();
            call.appendOutput(content);
        }
        if (data.path("done").asBoolean(false)) {
            call.usage(data.path("prompt_eval_count").asLong(0), data.path("eval_count").asLong(0), 0, 0, 0);
        }
    }
}
