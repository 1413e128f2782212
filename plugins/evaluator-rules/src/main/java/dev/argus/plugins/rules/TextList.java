package dev.argus.plugins.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * A list setting: a JSON array of strings ({@code ["refund", "invoice"]}, what the API passes for an
 * array value) or, for convenience, comma-separated text ({@code refund, invoice}).
 */
record TextList(List<String> values) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param setting the setting's name, for messages
     * @throws IllegalArgumentException naming the setting when the list is malformed or empty
     */
    static TextList parse(String raw, String setting) {
        String text = raw == null ? "" : raw.strip();
        List<String> values = new ArrayList<>();
        if (text.startsWith("[")) {
            JsonNode array;
            try {
                array = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(setting + " is not a JSON array: " + e.getOriginalMessage());
            }
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isTextual() || array.get(i).asText().isBlank()) {
                    throw new IllegalArgumentException(setting + "[" + i + "] must be a non-empty string");
                }
                values.add(array.get(i).asText());
            }
        } else {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(setting + " must list at least one entry");
        }
        return new TextList(List.copyOf(values));
    }
}
