package dev.argus.core.server;

import io.helidon.http.encoding.ContentDecoder;
import io.helidon.http.encoding.ContentEncoder;
import io.helidon.http.encoding.ContentEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Inflates {@code Content-Encoding: gzip} request bodies (OpenTelemetry exporters compress theirs).
 * Responses are not compressed. The inflated size is bounded where a body is read
 * ({@link RequestBodies}), because Helidon's payload limit counts compressed bytes.
 */
final class GzipRequestDecoding implements ContentEncoding {

    @Override
    public String name() {
        return "gzip";
    }

    @Override
    public String type() {
        return "gzip";
    }

    @Override
    public Set<String> ids() {
        return Set.of("gzip", "x-gzip");
    }

    @Override
    public boolean supportsEncoding() {
        return false;
    }

    @Override
    public boolean supportsDecoding() {
        return true;
    }

    @Override
    public ContentDecoder decoder() {
        return in -> {
            try {
                return new GZIPInputStream(in);
            } catch (IOException e) {
                throw new UncheckedIOException("not valid gzip", e);
            }
        };
    }

    @Override
    public ContentEncoder encoder() {
        return ContentEncoder.NO_OP;
    }
}
