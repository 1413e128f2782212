package dev.argus.core.calls;

import dev.argus.core.server.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended: the {@code (started_at, id)} of its last call, handed to clients as an opaque
 * base64url token.
 *
 * @param startedAt the last call's start (microseconds)
 * @param id        the last call's id
 */
public record PageCursor(Instant startedAt, UUID id) {

    /** The opaque token. */
    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, startedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("c1:" + micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a token; a token that was not made by {@link #encode()} is a 400. */
    public static PageCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !parts[0].equals("c1")) {
                throw new IllegalArgumentException();
            }
            return new PageCursor(Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_cursor", "cursor: not a cursor returned by this API");
        }
    }
}
