package dev.argus.plugins.alert.support;

/** Writes one JSON array, element by element, in insertion order. */
public final class JsonArrayBuilder {

    private final StringBuilder out = new StringBuilder("[");
    private boolean empty = true;

    /** Appends an object. */
    public JsonArrayBuilder add(JsonObjectBuilder value) {
        return raw(value.toString());
    }

    /** Appends a string. */
    public JsonArrayBuilder add(String value) {
        return raw(value == null ? "null" : JsonObjectBuilder.quote(value));
    }

    private JsonArrayBuilder raw(String json) {
        if (!empty) {
            out.append(',');
        }
        empty = false;
        out.append(json);
        return this;
    }

    /** The array as compact JSON text. */
    @Override
    public String toString() {
        return out + "]";
    }
}
