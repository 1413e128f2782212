package dev.argus.plugins.json;

import dev.argus.api.LlmCall;
import dev.argus.api.exporter.Exporter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.pf4j.Extension;

/** One JSON array of call objects, written element by element. */
@Extension
public final class JsonArrayExporter implements Exporter {

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String displayName() {
        return "JSON array";
    }

    @Override
    public String description() {
        return "All calls as one JSON array of objects in the REST API's shape.";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public void export(Stream<LlmCall> calls, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('[');
        boolean[] first = {true};
        try {
            calls.forEach(call -> {
                try {
                    if (!first[0]) {
                        writer.write(',');
                    }
                    first[0] = false;
                    writer.write('\n');
                    CallJson.write(writer, call);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.write(first[0] ? "]\n" : "\n]\n");
        writer.flush();
    }
}
