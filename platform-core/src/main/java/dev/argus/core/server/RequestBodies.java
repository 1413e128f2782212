package dev.argus.core.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Request bodies read with a bound on their decoded size. Helidon inflates {@code Content-Encoding:
 * gzip} bodies as they are read, and its payload limit counts the compressed bytes, so a small
 * compressed body could otherwise inflate without limit.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The decoded body, or 413 when it exceeds {@code maxBytes}. */
    public static byte[] bounded(ServerRequest req, int maxBytes) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "payload_too_large",
                            "the body decodes to more than " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("invalid_body", "body: could not be read or decoded (" + e.getMessage() + ")");
        } catch (UncheckedIOException e) {
            throw ApiException.badRequest("invalid_body", "body: could not be read or decoded (" + e.getMessage() + ")");
        }
    }
}
