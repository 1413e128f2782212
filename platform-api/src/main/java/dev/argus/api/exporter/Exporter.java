package dev.argus.api.exporter;

import dev.argus.api.ArgusExtension;
import dev.argus.api.LlmCall;
import java.io.IOException;
import java.io.OutputStream;
import java.util.stream.Stream;

/**
 * Writes recorded calls in one file format. The host streams rows from a database cursor, so an
 * exporter must write as it reads and never collect the whole stream.
 */
public interface Exporter extends ArgusExtension {

    /** The media type of the output, e.g. {@code text/csv}. */
    String mediaType();

    /** The file extension without the dot, e.g. {@code csv}. */
    String fileExtension();

    /**
     * Writes every call of {@code calls} to {@code out}. Does not close {@code out}.
     *
     * @throws IOException when writing fails
     */
    void export(Stream<LlmCall> calls, OutputStream out) throws IOException;
}
