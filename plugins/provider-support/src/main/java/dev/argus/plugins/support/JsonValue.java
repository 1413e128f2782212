package dev.argus.plugins.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Null-safe navigation over a parsed JSON value: a missing key or a value of another type reads as
 * {@link #MISSING}, so {@code body.get("usage").get("prompt_tokens").asLong(0)} never throws.
 */
public final class JsonValue {

    /** What absent or mistyped values read as. */
    public static final JsonValue MISSING = new JsonValue(null);

    private final Object raw;

    private JsonValue(Object raw) {
        this.raw = raw;
    }

    /** Wraps a value produced by {@link Json#parse(String)}. */
    public static JsonValue of(Object raw) {
        return raw == null ? MISSING : new JsonValue(raw);
    }

    /** The underlying value ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}) or {@code null}. */
    public Object raw() {
        return raw;
    }

    /** A member of an object. */
    public JsonValue get(String key) {
        return raw instanceof Map<?, ?> map ? of(map.get(key)) : MISSING;
    }

    /** An element of an array. */
    public JsonValue at(int index) {
        return raw instanceof List<?> list && index >= 0 && index < list.size() ? of(list.get(index)) : MISSING;
    }

    /** The elements of an array; empty for anything else. */
    public List<JsonValue> items() {
        List<JsonValue> items = new ArrayList<>();
        if (raw instanceof List<?> list) {
            list.forEach(item -> items.add(of(item)));
        }
        return items;
    }

    /** Whether the value is absent or JSON {@code null}. */
    public boolean isMissing() {
        return raw == null;
    }

    /** Whether this is a JSON object. */
    public boolean isObject() {
        return raw instanceof Map<?, ?>;
    }

    /** A string value, or {@code null}. */
    public String asText() {
        return raw instanceof String s ? s : null;
    }

    /** A string value, or {@code fallback}. */
    public String asText(String fallback) {
        return raw instanceof String s ? s : fallback;
    }

    /** An integral number, or {@code fallback} for anything else. */
    public long asLong(long fallback) {
        if (raw instanceof Long l) {
            return l;
        }
        if (raw instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** A boolean, or {@code fallback}. */
    public boolean asBoolean(boolean fallback) {
        return raw instanceof Boolean b ? b : fallback;
    }

    @Override
    public String toString() {
        return Json.write(raw);
    }
}
