package dev.argus.core.server;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A time in a query parameter: ISO-8601 with an offset, in years 1 to 9999. Java parses far wider
 * years than PostgreSQL stores, so the range is checked here rather than failing inside a query.
 */
public final class TimeParameter {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private TimeParameter() {
    }

    /** Parses {@code value} of parameter {@code name}, or answers 400 naming the parameter. */
    public static Instant parse(String name, String value) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid_parameter",
                    name + ": must be an ISO-8601 time with offset, e.g. 2026-11-28T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.badRequest("invalid_parameter", name + ": must be between the years 1 and 9999");
        }
        return instant;
    }
}
