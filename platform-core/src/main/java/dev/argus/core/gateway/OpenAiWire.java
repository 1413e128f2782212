package dev.argus.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** OpenAI chat completions (and the legacy completions / embeddings usage shape). */
record OpenAiWire() implements WireFormat {

    @Override
    public String provider() {
        return "openai";
    }

    @Override
    public boolean sse() {
        return true;
    }

    @Override
    public void request(JsonNode body, CallRecorder call) {
        call.model(WireFormat.text(body.get("model")));
        JsonNode messages = body.get("messages");
        if (messages != null && messages.isArray()) {
            call.input(messages, CallRecorder.messagesText(messages));
        } else if (body.path("input").isTextual() || body.path("prompt").isTextual()) {
            JsonNode text = body.path("input").isTextual() ? body.get("input") : body.get("prompt");
            call.input(text, text.textValue());
        }
    }

    @Override
    public void response(JsonNode body, CallRecorder call) {
        call.model(WireFormat.text(body.get("model")));
        for (JsonNode choice : body.path("choices")) {
            call.appendOutput(WireFormat.text(choice.path("message").get("content")));
        }
        usage(body.get("usage"), call);
    }

    @Override
    public void event(String event, JsonNode data, CallRecorder call) {
        if (data.has("error")) {
            error(0, data, call);
            return;
        }
        call.model(WireFormat.text(data.get("model")));
        for (JsonNode choice : data.path("choices")) {
            JsonNode delta = choice.path("delta");
            String content = WireFormat.text(delta.get("content"));
            if ((content != null && !content.isEmpty()) || delta.has("tool_calls")) {
                call.firstToken();
            }
            call.appendOutput(content);
        }
        usage(data.get("usage"), call);
    }

    private static void usage(JsonNode usage, CallRecorder call) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        long prompt = usage.path("prompt_tokens").asLong(usage.path("input_tokens").asLong(0));
        long completion = usage.path("completion_tokens").asLong(usage.path("output_tokens").asLong(0));
        long cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(
                usage.path("input_tokens_details").path("cached_tokens").asLong(0));
        long reasoning = usage.path("completion_tokens_details").path("reasoning_tokens").asLong(
                usage.path("output_tokens_details").path("reasoning_tokens").asLong(0));
        call.usage(prompt - Math.min(cached, prompt), completion, Math.min(cached, prompt), 0, reasoning);
    }
}
