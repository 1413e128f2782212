package dev.argus.plugins.support;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a streamed HTTP body as it arrives: server-sent events (OpenAI, Anthropic) with
 * {@link #nextEvent()}, or newline-delimited JSON (Ollama) with {@link #nextLine()}. Nothing is
 * buffered beyond the current line, so each piece reaches the caller as soon as the upstream sends it.
 */
public final class EventStream implements Closeable {

    /**
     * One server-sent event.
     *
     * @param name the {@code event:} field, or {@code message} when absent
     * @param data the {@code data:} lines joined with newlines
     */
    public record Event(String name, String data) {
    }

    private final BufferedReader reader;

    /** Reads {@code body} as UTF-8. */
    public EventStream(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /**
     * The next event, following the WHATWG framing: {@code field: value} lines, comments starting
     * with {@code :}, an empty line ends an event. Events without data are skipped.
     *
     * @return the event, or {@code null} at the end of the stream
     */
    public Event nextEvent() throws IOException {
        String name = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new Event(name == null ? "message" : name, data.toString());
                }
                name = null;
                continue;
            }
            if (line.charAt(0) == ':') {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "data" -> {
                    if (data == null) {
                        data = new StringBuilder(value);
                    } else {
                        data.append('\n').append(value);
                    }
                }
                default -> { } // id, retry and unknown fields carry nothing we use
            }
        }
        // a last event without its closing blank line still counts: some proxies drop it
        return data == null ? null : new Event(name == null ? "message" : name, data.toString());
    }

    /**
     * The next non-blank line.
     *
     * @return the line, or {@code null} at the end of the stream
     */
    public String nextLine() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
