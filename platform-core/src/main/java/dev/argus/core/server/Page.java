package dev.argus.core.server;

import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keyset pagination of list endpoints: {@code ?limit=…&cursor=…} in, {@code {"items","next_cursor"}}
 * out. The cursor is an opaque, URL-safe encoding of the sort key of the last item returned.
 *
 * @param limit  how many items to return (1…{@link #MAX_LIMIT}, default {@link #DEFAULT_LIMIT})
 * @param cursor the sort key to continue after, if any
 */
public record Page(int limit, Optional<List<String>> cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /** Reads {@code limit} and {@code cursor}; bad values are a 400 naming the parameter. */
    public static Page of(ServerRequest req) {
        int limit = DEFAULT_LIMIT;
        Optional<String> rawLimit = req.query().first("limit").asOptional();
        if (rawLimit.isPresent()) {
            try {
                limit = Integer.parseInt(rawLimit.get().trim());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.badRequest("invalid_parameter", "limit must be an integer from 1 to " + MAX_LIMIT);
            }
        }
        Optional<List<String>> cursor = req.query().first("cursor").asOptional().filter(c -> !c.isBlank())
                .map(Page::decode);
        return new Page(limit, cursor);
    }

    /** Encodes a sort key as a cursor. */
    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor) {
        try {
            return Arrays.asList(new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8)
                    .split("\u0000", -1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", "cursor is not one this API returned");
        }
    }

    /** The cursor part at {@code index}; a malformed cursor is a 400. */
    public String part(int index) {
        List<String> parts = cursor.orElseThrow();
        if (index >= parts.size()) {
            throw ApiException.badRequest("invalid_parameter", "cursor is not one this API returned");
        }
        return parts.get(index);
    }

    /** The cursor part at {@code index} as a UUID. */
    public java.util.UUID uuidPart(int index) {
        try {
            return java.util.UUID.fromString(part(index));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", "cursor is not one this API returned");
        }
    }

    /** The cursor part at {@code index} as a time. */
    public java.time.OffsetDateTime timePart(int index) {
        try {
            return java.time.OffsetDateTime.parse(part(index));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("invalid_parameter", "cursor is not one this API returned");
        }
    }

    /** The cursor part at {@code index} as a long. */
    public long longPart(int index) {
        try {
            return Long.parseLong(part(index));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_parameter", "cursor is not one this API returned");
        }
    }

    /**
     * The response body: at most {@code limit} items, with a cursor when the query fetched one more
     * ({@code fetched} should hold up to {@code limit + 1} items).
     */
    public <T> Map<String, Object> body(List<T> fetched, java.util.function.Function<T, String> cursorOf) {
        boolean more = fetched.size() > limit;
        List<T> items = more ? fetched.subList(0, limit) : fetched;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("next_cursor", more ? cursorOf.apply(items.get(items.size() - 1)) : null);
        return body;
    }
}
