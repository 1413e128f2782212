package dev.argus.plugins.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of upstream response headers, case-insensitive: counters, Go-style relative durations
 * ({@code 6m0s}, {@code 1s}, {@code 20ms}), RFC 3339 instants, and the retry advice headers
 * ({@code retry-after-ms}, {@code retry-after}, {@code x-should-retry}). Malformed values read as
 * absent: a provider changing a header format must not fail the call.
 */
public final class ResponseHeaders {

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|μs|ms|s|m|h)");
    /** Longest Retry-After we believe; anything larger is a misconfigured upstream. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private final Map<String, List<String>> headers;

    private ResponseHeaders(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                map.put(k, v);
            }
        });
        this.headers = map;
    }

    /** Wraps a header map such as {@code HttpHeaders.map()}. */
    public static ResponseHeaders of(Map<String, List<String>> headers) {
        return new ResponseHeaders(headers);
    }

    /** The first value of a header, trimmed, or {@code null}. */
    public String first(String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty() || values.getFirst() == null) {
            return null;
        }
        String value = values.getFirst().trim();
        return value.isEmpty() ? null : value;
    }

    /** A whole number header, or {@code null}. */
    public Long count(String name) {
        String value = first(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A Go-style duration header ({@code 6m0s}) turned into the instant it ends, or {@code null}. */
    public Instant resetAfter(String name, Clock clock) {
        Duration duration = goDuration(first(name));
        return duration == null ? null : clock.instant().plus(duration);
    }

    /** An RFC 3339 timestamp header, or {@code null}. */
    public Instant instant(String name) {
        String value = first(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * How long the upstream asked to wait: {@code retry-after-ms} first, then {@code retry-after} as
     * seconds (fractions allowed) or an HTTP date.
     *
     * @return the wait, or {@code null} when absent or unreadable
     */
    public Duration retryAfter(Clock clock) {
        String millis = first("retry-after-ms");
        if (millis != null) {
            Duration d = seconds(millis, 1000);
            if (d != null) {
                return d;
            }
        }
        String value = first("retry-after");
        if (value == null) {
            return null;
        }
        Duration d = seconds(value, 1);
        if (d != null) {
            return d;
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The {@code x-should-retry} advice: {@code true}, {@code false}, or {@code null} when absent. */
    public Boolean shouldRetry() {
        String value = first("x-should-retry");
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Duration seconds(String value, int perSecond) {
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                return null;
            }
            long nanos = amount.multiply(BigDecimal.valueOf(1_000_000_000L / perSecond)).longValue();
            Duration d = Duration.ofNanos(nanos);
            return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * Parses a Go {@code time.Duration} string as OpenAI sends them: {@code 6m0s}, {@code 1s},
     * {@code 12ms}, {@code 17.213s}, {@code 1h2m3s}.
     *
     * @return the duration, or {@code null} when {@code value} is null or not a Go duration
     */
    public static Duration goDuration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = GO_DURATION_PART.matcher(v);
        int at = 0;
        long nanos = 0;
        while (m.find()) {
            if (m.start() != at) {
                return null;
            }
            at = m.end();
            BigDecimal amount = new BigDecimal(m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us", "µs", "μs" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += amount.multiply(BigDecimal.valueOf(unit)).longValue();
        }
        return at == v.length() && at > 0 ? Duration.ofNanos(nanos) : null;
    }
}
