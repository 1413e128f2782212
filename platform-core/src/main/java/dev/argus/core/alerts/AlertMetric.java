package dev.argus.core.alerts;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a rule watches, computed over its window from the minute rollups. */
public enum AlertMetric {
    REQUESTS("requests"),
    ERROR_RATE("error_rate"),
    LATENCY_P50("latency_p50"),
    LATENCY_P95("latency_p95"),
    LATENCY_P99("latency_p99"),
    COST("cost"),
    COST_PER_USER("cost_per_user"),
    TOKENS("tokens");

    private final String wireName;

    AlertMetric(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire, e.g. {@code error_rate}. */
    public String wireName() {
        return wireName;
    }

    /** The metric with this wire name. */
    public static Optional<AlertMetric> of(String wireName) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(wireName)).findFirst();
    }

    /** Every wire name, comma-separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(AlertMetric::wireName).collect(Collectors.joining(", "));
    }
}
