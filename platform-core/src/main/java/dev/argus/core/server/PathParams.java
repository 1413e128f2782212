package dev.argus.core.server;

import io.helidon.webserver.http.ServerRequest;
import java.util.UUID;

/** Typed path parameters. An id that is not a UUID cannot name anything, so it is a 404. */
public final class PathParams {

    private PathParams() {
    }

    /** The UUID in path parameter {@code name}; 404 naming {@code what} when it is not one. */
    public static UUID uuid(ServerRequest req, String name, String what) {
        String raw = req.path().pathParameters().first(name).asOptional().orElse("");
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }
}
