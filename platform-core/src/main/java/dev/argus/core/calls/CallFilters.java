package dev.argus.core.calls;

import dev.argus.api.ErrorCategory;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.TimeParameter;
import io.helidon.common.parameters.Parameters;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@link CallFilter}s from query parameters; a bad value is a 400 naming the parameter. */
final class CallFilters {

    private static final Set<String> STATUSES = Set.of("success", "error", "cancelled");

    private CallFilters() {
    }

    static CallFilter parse(Parameters query) {
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw bad("to", "must be after from");
        }
        String status = text(query, "status");
        if (status != null && !STATUSES.contains(status)) {
            throw bad("status", "must be success, error or cancelled");
        }
        String category = text(query, "error_category");
        if (category != null) {
            try {
                category = ErrorCategory.fromWireName(category).wireName();
            } catch (IllegalArgumentException e) {
                throw bad("error_category", "unknown error category '" + category + "'");
            }
        }
        Long minLatency = whole(query, "min_latency_ms");
        Long maxLatency = whole(query, "max_latency_ms");
        Long version = whole(query, "prompt_version");
        if (version != null && version > Integer.MAX_VALUE) {
            throw bad("prompt_version", "too large");
        }
        String order = text(query, "order");
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw bad("order", "must be asc or desc");
        }
        List<String> tags = query.contains("tag") ? query.all("tag").stream().filter(t -> !t.isBlank()).toList() : List.of();
        return new CallFilter(from, to, text(query, "provider"), text(query, "model"), status, category,
                text(query, "user_id"), text(query, "session_id"), text(query, "trace_id"), text(query, "prompt"),
                version == null ? null : version.intValue(), tags, minLatency, maxLatency, decimal(query, "min_cost"),
                decimal(query, "max_cost"), text(query, "q"), "asc".equals(order));
    }

    /** {@code limit}: 1..500, default 50. */
    static int limit(Parameters query) {
        Long limit = whole(query, "limit");
        if (limit == null) {
            return 50;
        }
        if (limit < 1 || limit > 500) {
            throw bad("limit", "must be between 1 and 500");
        }
        return limit.intValue();
    }

    static Optional<String> first(Parameters query, String name) {
        return query.contains(name) ? Optional.of(query.get(name)) : Optional.empty();
    }

    private static String text(Parameters query, String name) {
        return first(query, name).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static Instant instant(Parameters query, String name) {
        String value = text(query, name);
        return value == null ? null : TimeParameter.parse(name, value);
    }

    private static Long whole(Parameters query, String name) {
        String value = text(query, name);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n < 0) {
                throw bad(name, "must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(name, "must be a whole number");
        }
    }

    private static BigDecimal decimal(Parameters query, String name) {
        String value = text(query, name);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(value);
            if (d.signum() < 0) {
                throw bad(name, "must not be negative");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(name, "must be a decimal number of US dollars");
        }
    }

    private static ApiException bad(String name, String message) {
        return ApiException.badRequest("invalid_parameter", name + ": " + message);
    }
}
