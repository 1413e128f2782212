package dev.argus.plugins.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The provider wire samples (copies of the shared {@code wire/} folder) as test data; parse them with the plugin's own JSON reader. */
public final class WireSamples {

    private WireSamples() {
    }

    /** A sample file's text. */
    public static String text(String file) {
        try (InputStream in = WireSamples.class.getResourceAsStream("/wire/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no wire sample " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The raw bytes of a recorded stream without the sample's leading {@code #} comment block,
     * split into events (SSE, each ending with its blank line) or lines (NDJSON, each with its newline).
     */
    public static List<String> streamPieces(String file) {
        String text = text(file);
        StringBuilder raw = new StringBuilder();
        boolean header = true;
        for (String line : text.split("\n", -1)) {
            if (header && line.startsWith("#")) {
                continue;
            }
            header = false;
            raw.append(line).append('\n');
        }
        String body = raw.toString().replaceFirst("\n+$", "\n");
        List<String> pieces = new ArrayList<>();
        if (body.contains("\n\n")) {
            for (String event : body.split("(?<=\n\n)")) {
                if (!event.isBlank()) {
                    pieces.add(event.endsWith("\n\n") ? event : event + "\n");
                }
            }
        } else {
            for (String line : body.split("(?<=\n)")) {
                pieces.add(line);
            }
        }
        return pieces;
    }

    /** Each JSON document on its own line, as Ollama streams them. */
    public static List<String> ndjson(List<String> documents) {
        List<String> lines = new ArrayList<>();
        for (String document : documents) {
            lines.add(document + "\n");
        }
        return lines;
    }
}
