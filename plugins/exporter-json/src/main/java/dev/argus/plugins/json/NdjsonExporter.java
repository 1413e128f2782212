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

/** Newline-delimited JSON: one call object per line, each line a complete JSON document. */
@Extension
public final class NdjsonExporter implements Exporter {

    @Override
    public String id() {
        return "ndjson";
    }

    @Override
    public String displayName() {
        return "NDJSON";
    }

    @Override
    public String description() {
        return "One JSON object per line (newline-delimited JSON), for streaming tools and data loaders.";
    }

    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public String fileExtension() {
        return "ndjson";
    }

    @Override
    public void export(Stream<LlmCall> calls, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        try {
            calls.forEach(call -> {
                try {
                    CallJson.write(writer, call);
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }
}
