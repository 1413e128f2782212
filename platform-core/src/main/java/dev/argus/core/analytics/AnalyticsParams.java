package dev.argus.core.analytics;

import dev.argus.core.server.ApiException;
import dev.argus.core.server.TimeParameter;
import io.helidon.common.parameters.Parameters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** Reads analytics query parameters; a bad value is a 400 naming the parameter. */
final class AnalyticsParams {

    /** Range used when {@code from} is absent. */
    static final Duration DEFAULT_RANGE = Duration.ofHours(24);
    /** Longest range one request may cover. */
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private AnalyticsParams() {
    }

    /**
     * {@code from}, {@code to} (default: the last 24 hours up to now), {@code provider}, {@code model},
     * {@code prompt}. {@code from} is rounded down and {@code to} up to whole minutes.
     */
    static AnalyticsFilter filter(Parameters query, Instant now) {
        Instant to = instant(query, "to");
        Instant from = instant(query, "from");
        if (to == null) {
            to = ceil(now, ChronoUnit.MINUTES);
        }
        if (from == null) {
            // from the rounded end, so the default range stays exactly 24 h (1440 minutes, not 1441)
            from = ceil(to, ChronoUnit.MINUTES).minus(DEFAULT_RANGE);
        }
        if (!from.isBefore(to)) {
            throw bad("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw bad("from", "the range may cover at most " + MAX_RANGE.toDays() + " days");
        }
        return new AnalyticsFilter(floor(from, ChronoUnit.MINUTES), ceil(to, ChronoUnit.MINUTES),
                text(query, "provider"), text(query, "model"), text(query, "prompt"));
    }

    static Instant floor(Instant t, ChronoUnit unit) {
        return t.truncatedTo(unit);
    }

    static Instant ceil(Instant t, ChronoUnit unit) {
        Instant down = t.truncatedTo(unit);
        return down.equals(t) ? t : down.plus(1, unit);
    }

    /** An optional parameter that must be one of {@code allowed}. */
    static String choice(Parameters query, String name, Set<String> allowed, String fallback) {
        String value = text(query, name);
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw bad(name, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** An optional whole number within bounds. */
    static int whole(Parameters query, String name, int min, int max, int fallback) {
        String value = text(query, name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw bad(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name, "must be a whole number");
        }
    }

    static String text(Parameters query, String name) {
        if (!query.contains(name)) {
            return null;
        }
        String value = query.get(name).trim();
        return value.isEmpty() ? null : value;
    }

    private static Instant instant(Parameters query, String name) {
        String value = text(query, name);
        return value == null ? null : TimeParameter.parse(name, value);
    }

    static ApiException bad(String name, String message) {
        return ApiException.badRequest("invalid_parameter", name + ": " + message);
    }
}
