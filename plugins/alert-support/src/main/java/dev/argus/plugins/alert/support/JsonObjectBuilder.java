package dev.argus.plugins.alert.support;

/**
 * Writes one JSON object, member by member, in insertion order. Plugins see only the JDK, so JSON is
 * written by hand; every string goes through {@link #quote(String)}.
 */
public final class JsonObjectBuilder {

    private final StringBuilder out = new StringBuilder("{");
    private boolean empty = true;

    /** Adds a string member; {@code null} becomes JSON {@code null}. */
    public JsonObjectBuilder put(String name, String value) {
        return raw(name, value == null ? "null" : quote(value));
    }

    /** Adds a number member; NaN and infinities, which JSON cannot express, become {@code null}. */
    public JsonObjectBuilder put(String name, double value) {
        return raw(name, Double.isFinite(value) ? numberText(value) : "null");
    }

    /** Adds an integer member. */
    public JsonObjectBuilder put(String name, long value) {
        return raw(name, Long.toString(value));
    }

    /** Adds a boolean member. */
    public JsonObjectBuilder put(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    /** Adds a nested object. */
    public JsonObjectBuilder put(String name, JsonObjectBuilder value) {
        return raw(name, value.toString());
    }

    /** Adds a nested array. */
    public JsonObjectBuilder put(String name, JsonArrayBuilder value) {
        return raw(name, value.toString());
    }

    private JsonObjectBuilder raw(String name, String json) {
        if (!empty) {
            out.append(',');
        }
        empty = false;
        out.append(quote(name)).append(':').append(json);
        return this;
    }

    /** The object as compact JSON text. */
    @Override
    public String toString() {
        return out + "}";
    }

    /** Integers without a fraction ({@code 3} rather than {@code 3.0}); others in Java's shortest form. */
    static String numberText(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /**
     * A JSON string literal: quotes, backslashes and control characters escaped, U+2028/U+2029
     * escaped for receivers that evaluate JSON as JavaScript, and unpaired surrogates (which have no
     * UTF-8 encoding) replaced by U+FFFD.
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
