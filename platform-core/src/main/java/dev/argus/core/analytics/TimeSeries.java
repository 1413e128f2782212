package dev.argus.core.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Time series of one metric from minute rollups, bucketed by interval and optionally grouped. */
final class TimeSeries {

    static final Set<String> METRICS = Set.of("requests", "latency_p50", "latency_p95", "latency_p99", "cost",
            "error_rate", "tokens_in", "tokens_out");
    static final Set<String> INTERVALS = Set.of("auto", "1m", "1h", "1d");
    static final Set<String> GROUPS = Set.of("provider", "model", "prompt_version", "error_category");
    /** Most buckets one series may have. */
    static final int MAX_POINTS = 5000;

    private TimeSeries() {
    }

    /** The interval {@code auto} picks: minutes up to 6 hours, hours up to 14 days, else days. */
    static String auto(Duration range) {
        if (range.compareTo(Duration.ofHours(6)) <= 0) {
            return "1m";
        }
        return range.compareTo(Duration.ofDays(14)) <= 0 ? "1h" : "1d";
    }

    static ChronoUnit unit(String interval) {
        return switch (interval) {
            case "1m" -> ChronoUnit.MINUTES;
            case "1h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
    }

    /**
     * The response body: {@code {metric, interval, from, to, series:[{key, points:[{t, v}]}]}}. Count
     * metrics have a point (possibly 0) per bucket; latency and error rate only where there were calls.
     */
    static Map<String, Object> of(String metric, String interval, String groupBy, Instant from, Instant to,
                                  List<RollupRow> rows) {
        if ("error_category".equals(groupBy) && !metric.equals("requests") && !metric.equals("error_rate")) {
            throw AnalyticsParams.bad("group_by", "error_category groups only requests and error_rate");
        }
        ChronoUnit unit = unit(interval);
        Map<String, Map<Instant, RollupSums>> groups = new TreeMap<>(java.util.Comparator.nullsFirst(String::compareTo));
        Map<Instant, RollupSums> totals = new TreeMap<>();
        for (RollupRow row : rows) {
            Instant bucket = row.minute().truncatedTo(unit);
            totals.computeIfAbsent(bucket, b -> new RollupSums()).add(row);
            if (groupBy == null) {
                continue;
            }
            if (groupBy.equals("error_category")) {
                row.errorsByCategory().forEach((category, count) -> {
                    RollupSums s = groups.computeIfAbsent(category, k -> new TreeMap<>())
                            .computeIfAbsent(bucket, b -> new RollupSums());
                    s.errorCalls += count;
                });
            } else {
                groups.computeIfAbsent(key(groupBy, row), k -> new TreeMap<>())
                        .computeIfAbsent(bucket, b -> new RollupSums()).add(row);
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        if (groupBy == null) {
            series.add(series(null, points(metric, from, to, unit, totals, b -> null)));
        } else if (groupBy.equals("error_category")) {
            groups.forEach((key, buckets) -> series.add(series(key, points(metric, from, to, unit, buckets,
                    b -> totals.get(b)))));
        } else {
            groups.forEach((key, buckets) -> series.add(series(key, points(metric, from, to, unit, buckets, b -> null))));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", metric);
        body.put("interval", interval);
        body.put("group_by", groupBy);
        body.put("from", from);
        body.put("to", to);
        body.put("series", series);
        return body;
    }

    private static String key(String groupBy, RollupRow row) {
        return switch (groupBy) {
            case "provider" -> row.provider();
            case "model" -> row.model();
            default -> row.promptName() == null ? null
                    : row.promptName() + "@" + (row.promptVersion() == null ? "latest" : row.promptVersion());
        };
    }

    private static Map<String, Object> series(String key, List<Map<String, Object>> points) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("key", key);
        s.put("points", points);
        return s;
    }

    /**
     * One point per bucket. For {@code error_category} series the sums hold only that category's
     * errors, and {@code totalOf} gives the bucket's calls for the rate.
     */
    private static List<Map<String, Object>> points(String metric, Instant from, Instant to, ChronoUnit unit,
                                                    Map<Instant, RollupSums> buckets,
                                                    Function<Instant, RollupSums> totalOf) {
        List<Map<String, Object>> points = new ArrayList<>();
        RollupSums empty = new RollupSums();
        for (Instant t = from.truncatedTo(unit); t.isBefore(to); t = t.plus(1, unit)) {
            RollupSums s = buckets.getOrDefault(t, empty);
            RollupSums total = totalOf.apply(t);
            Object v = total != null ? categoryValue(metric, s, total) : value(metric, s);
            if (v != null) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("t", t);
                point.put("v", v);
                points.add(point);
            }
        }
        return points;
    }

    private static Object value(String metric, RollupSums s) {
        return switch (metric) {
            case "requests" -> s.calls;
            case "latency_p50" -> s.latencyQuantile(0.50);
            case "latency_p95" -> s.latencyQuantile(0.95);
            case "latency_p99" -> s.latencyQuantile(0.99);
            case "cost" -> DashboardCards.plain(s.costUsd);
            case "error_rate" -> s.errorRate();
            case "tokens_in" -> s.inputTokens;
            case "tokens_out" -> s.outputTokens;
            default -> throw new IllegalArgumentException(metric);
        };
    }

    private static Object categoryValue(String metric, RollupSums category, RollupSums total) {
        if (metric.equals("requests")) {
            return category.errorCalls;
        }
        return total == null || total.calls == 0 ? null : (double) category.errorCalls / total.calls;
    }

    /** Buckets the range spans at this interval. */
    static long buckets(Instant from, Instant to, ChronoUnit unit) {
        return unit.between(from.truncatedTo(unit), to.minusNanos(1).truncatedTo(unit)) + 1;
    }
}
