package dev.argus.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.ConfigSchema;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluator's per-evaluation settings: a flat JSON object of strings, numbers and booleans, checked
 * against the extension's {@link ConfigSchema} before anything is queued. An object or array value
 * (e.g. the JSON Schema of {@code json_schema}, the list of {@code keywords}) is kept as its JSON text.
 */
public final class EvaluationConfig {

    private EvaluationConfig() {
    }

    /** The settings of a request's {@code config} object as raw strings; anything else is a 400 naming the key. */
    public static Map<String, String> fromJson(JsonNode config, String field) {
        Map<String, String> values = new LinkedHashMap<>();
        if (config == null || config.isNull() || config.isMissingNode()) {
            return values;
        }
        if (!config.isObject()) {
            throw ApiException.badRequest("invalid_config", field + ": must be an object");
        }
        for (var entry : config.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                throw ApiException.badRequest("invalid_config",
                        field + "." + entry.getKey() + ": must be a string, number, boolean, object or array");
            }
            values.put(entry.getKey(), value.isContainerNode() ? value.toString() : value.asText());
        }
        return values;
    }

    /** Validates settings against the schema; problems are a 400 listing each under {@code field}. */
    public static void validate(ConfigSchema schema, Map<String, String> values, String field) {
        List<String> problems = schema.validate(values);
        if (!problems.isEmpty()) {
            throw new ApiException(io.helidon.http.Status.BAD_REQUEST_400, "invalid_config",
                    field + ": " + String.join("; ", problems), Map.of("problems", problems), Map.of());
        }
    }

    /** Serialises validated settings for storage. */
    public static String toJson(Map<String, String> values) {
        try {
            return Json.MAPPER.writeValueAsString(values);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads stored settings. */
    public static Map<String, String> parse(String json) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            Json.STORED.readTree(json).properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
            return values;
        } catch (IOException e) {
            throw new IllegalArgumentException("stored config is not JSON: " + e.getMessage());
        }
    }
}
