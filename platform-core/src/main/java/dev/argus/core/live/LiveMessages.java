package dev.argus.core.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.server.Json;
import java.time.Instant;

/** The live feed's wire format: {@code {"type":"delta", …LiveDelta in snake_case…, "errors", "at"}}. */
final class LiveMessages {

    private LiveMessages() {
    }

    static String delta(LiveDelta delta) {
        ObjectNode node = Json.MAPPER.valueToTree(delta);
        node.put("type", "delta");
        node.put("errors", delta.errors());
        node.put("at", Instant.now().toString());
        return node.toString();
    }

    static String encode(LiveDelta delta) {
        try {
            return Json.MAPPER.writeValueAsString(delta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static LiveDelta decode(JsonNode node) throws JsonProcessingException {
        return Json.MAPPER.treeToValue(node, LiveDelta.class);
    }
}
