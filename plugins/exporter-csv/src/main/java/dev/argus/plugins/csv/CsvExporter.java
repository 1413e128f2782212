package dev.argus.plugins.csv;

import dev.argus.api.LlmCall;
import dev.argus.api.exporter.Exporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pf4j.Extension;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, and fields quoted (with doubled quotes) when they hold
 * a comma, quote, CR or LF. Tags are joined with {@code |}; metadata is a JSON object in one field.
 * Written row by row, so memory does not grow with the export.
 */
@Extension
public final class CsvExporter implements Exporter {

    static final List<String> HEADER = List.of("id", "started_at", "ended_at", "provider", "model", "status",
            "error_category", "error_message", "latency_ms", "time_to_first_token_ms", "input_tokens",
            "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens", "reasoning_tokens", "cost_usd",
            "user_id", "session_id", "trace_id", "span_id", "prompt_name", "prompt_version", "tags", "metadata",
            "input", "output");

    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String displayName() {
        return "CSV";
    }

    @Override
    public String description() {
        return "Comma-separated values (RFC 4180) with a header row; opens in spreadsheets.";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public void export(Stream<LlmCall> calls, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writeRow(writer, HEADER);
        try {
            calls.forEach(call -> {
                try {
                    writeRow(writer, row(call));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }

    static List<String> row(LlmCall c) {
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(c.id().toString());
        row.add(c.startedAt().toString());
        row.add(c.endedAt().toString());
        row.add(c.provider());
        row.add(c.model());
        row.add(c.status());
        row.add(c.errorCategory() == null ? "" : c.errorCategory().wireName());
        row.add(nullToEmpty(c.errorMessage()));
        row.add(Long.toString(c.latencyMs()));
        row.add(c.timeToFirstTokenMs() == null ? "" : c.timeToFirstTokenMs().toString());
        row.add(Long.toString(c.usage().inputTokens()));
        row.add(Long.toString(c.usage().outputTokens()));
        row.add(Long.toString(c.usage().cacheReadInputTokens()));
        row.add(Long.toString(c.usage().cacheWriteInputTokens()));
        row.add(Long.toString(c.usage().reasoningTokens()));
        row.add(c.costUsd() == null ? "" : plain(c.costUsd()));
        row.add(nullToEmpty(c.userId()));
        row.add(nullToEmpty(c.sessionId()));
        row.add(nullToEmpty(c.traceId()));
        row.add(nullToEmpty(c.spanId()));
        row.add(nullToEmpty(c.promptName()));
        row.add(c.promptVersion() == null ? "" : c.promptVersion().toString());
        row.add(String.join("|", c.tags()));
        row.add(c.metadata().isEmpty() ? "" : MiniJson.object(c.metadata()));
        row.add(nullToEmpty(c.inputText()));
        row.add(nullToEmpty(c.outputText()));
        return row;
    }

    static void writeRow(Writer writer, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writeField(writer, fields.get(i));
        }
        writer.write("\r\n");
    }

    static void writeField(Writer writer, String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        if (!quote) {
            writer.write(value);
            return;
        }
        writer.write('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                writer.write('"');
            }
            writer.write(ch);
        }
        writer.write('"');
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Just enough JSON to put a metadata object into one CSV field. */
    static final class MiniJson {
        private MiniJson() {
        }

        static String object(Map<String, Object> map) {
            StringBuilder out = new StringBuilder();
            value(out, map);
            return out.toString();
        }

        private static void value(StringBuilder out, Object value) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                string(out, s);
            } else if (value instanceof BigDecimal d) {
                out.append(d.toPlainString());
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> m) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(out, String.valueOf(e.getKey()));
                    out.append(':');
                    value(out, e.getValue());
                }
                out.append('}');
            } else if (value instanceof Iterable<?> list) {
                out.append('[');
                Iterator<?> it = list.iterator();
                while (it.hasNext()) {
                    value(out, it.next());
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                out.append(']');
            } else {
                string(out, value.toString());
            }
        }

        private static void string(StringBuilder out, String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            out.append(String.format("\\u%04x", (int) ch));
                        } else {
                            out.append(ch);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
