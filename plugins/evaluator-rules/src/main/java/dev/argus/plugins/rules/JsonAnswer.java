package dev.argus.plugins.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer read as one JSON value: strict JSON (no comments, no trailing content), optionally taken
 * from inside a Markdown code fence, as models often wrap it.
 *
 * @param value  the parsed value, or {@code null} when the answer is not JSON
 * @param error  why it is not, or {@code null}
 * @param line   the line of the error (1-based), or 0
 * @param column the column of the error (1-based), or 0
 */
record JsonAnswer(JsonNode value, String error, int line, int column) {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern FENCE = Pattern.compile("^\\s*```[A-Za-z0-9_-]*[ \\t]*\\r?\\n(.*?)\\r?\\n?```\\s*$",
            Pattern.DOTALL);

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build());
    }

    /** Reads an answer; with {@code stripFence}, a whole answer of the form {@code ```json … ```} is unwrapped. */
    static JsonAnswer read(String answer, boolean stripFence) {
        String text = answer;
        if (stripFence) {
            Matcher fenced = FENCE.matcher(answer);
            if (fenced.matches()) {
                text = fenced.group(1);
            }
        }
        if (text.isBlank()) {
            return new JsonAnswer(null, "the answer is empty", 0, 0);
        }
        try {
            return new JsonAnswer(MAPPER.readTree(text), null, 0, 0);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            return new JsonAnswer(null, e.getOriginalMessage(), location == null ? 0 : location.getLineNr(),
                    location == null ? 0 : location.getColumnNr());
        }
    }

    boolean valid() {
        return value != null;
    }

    /** The JSON type of the value: object, array, string, number, boolean or null. */
    String type() {
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "object";
            case ARRAY -> "array";
            case STRING, BINARY -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }

    /** The figures every JSON check reports. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("valid_json", valid());
        if (valid()) {
            details.put("type", type());
        } else {
            details.put("error", error);
            details.put("line", line);
            details.put("column", column);
        }
        return details;
    }

    /** A message naming where the answer stops being JSON. */
    String problem() {
        return line > 0 ? "not JSON at line " + line + ", column " + column + ": " + error : "not JSON: " + error;
    }
}
