package dev.argus.plugins.json;

import dev.argus.api.LlmCall;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes one call as a JSON object in the REST API's shape (snake_case), by hand: the plugin carries
 * no JSON library. Strings are escaped per RFC 8259; unpaired surrogates are written as
 * {@code \\uXXXX} escapes so the UTF-8 output stays valid.
 */
final class CallJson {

    private CallJson() {
    }

    static void write(Writer out, LlmCall c) throws IOException {
        out.write("{\"id\":");
        string(out, c.id().toString());
        field(out, "provider", c.provider());
        field(out, "model", c.model());
        field(out, "status", c.status());
        out.write(",\"error\":");
        if (c.errorCategory() == null && c.errorMessage() == null) {
            out.write("null");
        } else {
            out.write("{\"category\":");
            string(out, c.errorCategory() == null ? null : c.errorCategory().wireName());
            field(out, "message", c.errorMessage());
            out.write('}');
        }
        field(out, "started_at", c.startedAt().toString());
        field(out, "ended_at", c.endedAt().toString());
        out.write(",\"latency_ms\":" + c.latencyMs());
        out.write(",\"time_to_first_token_ms\":" + (c.timeToFirstTokenMs() == null ? "null" : c.timeToFirstTokenMs()));
        out.write(",\"usage\":{\"input_tokens\":" + c.usage().inputTokens()
                + ",\"output_tokens\":" + c.usage().outputTokens()
                + ",\"cache_read_input_tokens\":" + c.usage().cacheReadInputTokens()
                + ",\"cache_write_input_tokens\":" + c.usage().cacheWriteInputTokens()
                + ",\"reasoning_tokens\":" + c.usage().reasoningTokens() + "}");
        out.write(",\"cost_usd\":" + (c.costUsd() == null ? "null" : c.costUsd().toPlainString()));
        field(out, "user_id", c.userId());
        field(out, "session_id", c.sessionId());
        field(out, "trace_id", c.traceId());
        field(out, "span_id", c.spanId());
        out.write(",\"prompt\":");
        if (c.promptName() == null && c.promptVersion() == null) {
            out.write("null");
        } else {
            out.write("{\"name\":");
            string(out, c.promptName());
            out.write(",\"version\":" + (c.promptVersion() == null ? "null" : c.promptVersion()));
            out.write('}');
        }
        out.write(",\"tags\":");
        value(out, c.tags());
        out.write(",\"metadata\":");
        value(out, c.metadata());
        field(out, "input_text", c.inputText());
        field(out, "output_text", c.outputText());
        out.write('}');
    }

    private static void field(Writer out, String name, String value) throws IOException {
        out.write(",\"");
        out.write(name);
        out.write("\":");
        string(out, value);
    }

    static void value(Writer out, Object value) throws IOException {
        if (value == null) {
            out.write("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof BigDecimal d) {
            out.write(d.toPlainString());
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            out.write("null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.write(value.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.write(':');
                value(out, e.getValue());
            }
            out.write('}');
        } else if (value instanceof Iterable<?> list) {
            out.write('[');
            Iterator<?> it = list.iterator();
            while (it.hasNext()) {
                value(out, it.next());
                if (it.hasNext()) {
                    out.write(',');
                }
            }
            out.write(']');
        } else {
            string(out, value.toString());
        }
    }

    static void string(Writer out, String s) throws IOException {
        if (s == null) {
            out.write("null");
            return;
        }
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                case '\b' -> out.write("\\b");
                case '\f' -> out.write("\\f");
                default -> {
                    if (ch < 0x20) {
                        out.write(String.format("\\u%04x", (int) ch));
                    } else if (Character.isHighSurrogate(ch) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.write(ch);
                        out.write(s.charAt(++i));
                    } else if (Character.isSurrogate(ch)) {
                        out.write(String.format("\\u%04x", (int) ch));
                    } else {
                        out.write(ch);
                    }
                }
            }
        }
        out.write('"');
    }
}
