package dev.argus.core.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/** Anthropic Messages API: {@code message_start} carries the input usage, {@code message_delta} the running output count. */
record AnthropicWire() implements WireFormat {

    @Override
    public String provider() {
        return "anthropic";
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
        }
    }

    @Override
    public void response(JsonNode body, CallRecorder call) {
        call.model(WireFormat.text(body.get("model")));
        for (JsonNode block : body.path("content")) {
            call.appendOutput(WireFormat.text(block.get("text")));
        }
        usage(body.get("usage"), call);
    }

    @Override
    public void event(String event, JsonNode data, CallRecorder call) {
        String type = WireFormat.text(data.get("type"));
        if (type == null) {
            return;
        }
        switch (type) {
            case "message_start" -> {
                call.model(WireFormat.text(data.path("message").get("model")));
                usage(data.path("message").get("usage"), call);
            }
            case "content_block_delta" -> {
                call.firstToken();
                JsonNode delta = data.path("delta");
                call.appendOutput(WireFormat.text(delta.get("text")));
            }
            case "message_delta" -> {
                JsonNode usage = data.get("usage");
                if (usage != null && usage.has("input_tokens")) {
                    usage(usage, call);
                } else if (usage != null) {
                    call.outputTokens(usage.path("output_tokens").asLong(0));
                }
            }
            case "error" -> error(0, data, call);
            default -> { } // ping, content_block_start/stop, message_stop and future events carry no usage
        }
    }

    private static void usage(JsonNode usage, CallRecorder call) {
        if (usage == null || !usage.isObject()) {
            return;
        }
        call.usage(usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0),
                usage.path("cache_read_input_tokens").asLong(0), usage.path("cache_creation_input_tokens").asLong(0), 0);
    }
}
