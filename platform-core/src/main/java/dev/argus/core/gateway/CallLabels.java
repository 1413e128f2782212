package dev.argus.core.gateway;

import dev.argus.core.server.ApiException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's labels for a proxied call, read from {@code X-Argus-*} request headers: end user,
 * session, trace, comma-separated tags, and the stored prompt it was rendered from.
 *
 * @param userId        {@code X-Argus-User}
 * @param sessionId     {@code X-Argus-Session}
 * @param traceId       {@code X-Argus-Trace}
 * @param tags          {@code X-Argus-Tags}, e.g. {@code checkout,beta}
 * @param promptName    {@code X-Argus-Prompt}
 * @param promptVersion {@code X-Argus-Prompt-Version}, a positive integer
 */
record CallLabels(String userId, String sessionId, String traceId, List<String> tags, String promptName,
                  Integer promptVersion) {

    private static final int MAX_ID = 256;
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG = 100;

    /** Reads and checks the labels; a malformed header is a 400 naming it. */
    static CallLabels from(Headers headers) {
        String user = id(headers, "X-Argus-User");
        String session = id(headers, "X-Argus-Session");
        String trace = id(headers, "X-Argus-Trace");
        Set<String> tags = new LinkedHashSet<>();
        first(headers, "X-Argus-Tags").ifPresent(value -> {
            for (String tag : value.split(",")) {
                String t = tag.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > MAX_TAG) {
                    throw bad("X-Argus-Tags", "each tag must be at most " + MAX_TAG + " characters");
                }
                tags.add(t);
            }
            if (tags.size() > MAX_TAGS) {
                throw bad("X-Argus-Tags", "at most " + MAX_TAGS + " tags");
            }
        });
        String prompt = first(headers, "X-Argus-Prompt").orElse(null);
        if (prompt != null && prompt.length() > 200) {
            throw bad("X-Argus-Prompt", "must be at most 200 characters");
        }
        Integer version = null;
        Optional<String> v = first(headers, "X-Argus-Prompt-Version");
        if (v.isPresent()) {
            try {
                version = Integer.valueOf(v.get());
            } catch (NumberFormatException e) {
                version = 0;
            }
            if (version < 1) {
                throw bad("X-Argus-Prompt-Version", "must be a positive integer");
            }
            if (prompt == null) {
                throw bad("X-Argus-Prompt-Version", "needs X-Argus-Prompt too");
            }
        }
        return new CallLabels(user, session, trace, List.copyOf(tags), prompt, version);
    }

    private static String id(Headers headers, String name) {
        String value = first(headers, name).orElse(null);
        if (value != null && value.length() > MAX_ID) {
            throw bad(name, "must be at most " + MAX_ID + " characters");
        }
        return value;
    }

    private static Optional<String> first(Headers headers, String name) {
        return headers.first(HeaderNames.create(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static ApiException bad(String header, String message) {
        return ApiException.badRequest("invalid_header", header + ": " + message);
    }
}
