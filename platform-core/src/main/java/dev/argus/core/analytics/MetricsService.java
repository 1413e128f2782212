package dev.argus.core.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.ingest.LatencyHistogram;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import java.util.function.Supplier;

/**
 * Dashboard metrics from the minute rollups: {@code GET /api/v1/metrics/dashboard} (cards with change
 * against the previous equal period), {@code GET /api/v1/metrics/timeseries} and
 * {@code GET /api/v1/metrics/latency-distribution} (histogram buckets for the distribution chart).
 * Answers are cached for a few seconds per project and query.
 */
public final class MetricsService implements ApiService {

    /** How long an answer is reused; rollups change with every ingest batch. */
    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private record CacheKey(UUID projectId, String route, String query) {
    }

    private final RollupReader rollups;
    private final EvaluationScoreAverage scores;
    private final Clock clock;
    private final Cache<CacheKey, Object> cache = Caffeine.newBuilder().expireAfterWrite(CACHE_TTL)
            .maximumSize(10_000).build();

    public MetricsService(RollupReader rollups, DSLContext dsl, Clock clock) {
        this.rollups = rollups;
        this.scores = new EvaluationScoreAverage(dsl);
        this.clock = clock;
    }

    @Override
    public void routes(ApiRules rules) {
        Access read = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
        rules.get("/dashboard", read, this::dashboard);
        rules.get("/timeseries", read, this::timeseries);
        rules.get("/latency-distribution", read, this::distribution);
    }

    private void dashboard(ServerRequest req, ServerResponse res) {
        UUID project = Caller.of(req).projectId();
        AnalyticsFilter filter = AnalyticsParams.filter(req.query(), clock.instant());
        Json.ok(res, cached(project, "dashboard", filter.toString(), () -> DashboardCards.of(
                rollups.rows(project, filter), rollups.rows(project, filter.previous()), scores.of(project, filter),
                scores.of(project, filter.previous()), filter.length())));
    }

    private void timeseries(ServerRequest req, ServerResponse res) {
        UUID project = Caller.of(req).projectId();
        var query = req.query();
        String metric = AnalyticsParams.text(query, "metric");
        if (metric == null) {
            throw AnalyticsParams.bad("metric", "is required, one of " + String.join(", ",
                    TimeSeries.METRICS.stream().sorted().toList()));
        }
        metric = AnalyticsParams.choice(query, "metric", TimeSeries.METRICS, null);
        String interval = AnalyticsParams.choice(query, "interval", TimeSeries.INTERVALS, "auto");
        String groupBy = AnalyticsParams.choice(query, "group_by", TimeSeries.GROUPS, null);
        AnalyticsFilter filter = AnalyticsParams.filter(query, clock.instant());
        String effective = interval.equals("auto") ? TimeSeries.auto(filter.length()) : interval;
        ChronoUnit unit = TimeSeries.unit(effective);
        Instant from = AnalyticsParams.floor(filter.from(), unit);
        Instant to = AnalyticsParams.ceil(filter.to(), unit);
        if (TimeSeries.buckets(from, to, unit) > TimeSeries.MAX_POINTS) {
            throw AnalyticsParams.bad("interval", effective + " gives more than " + TimeSeries.MAX_POINTS
                    + " points for this range; use a coarser interval");
        }
        AnalyticsFilter aligned = filter.withRange(from, to);
        String m = metric;
        Json.ok(res, cached(project, "timeseries", m + "|" + effective + "|" + groupBy + "|" + aligned,
                () -> TimeSeries.of(m, effective, groupBy, from, to, rollups.rows(project, aligned))));
    }

    private void distribution(ServerRequest req, ServerResponse res) {
        UUID project = Caller.of(req).projectId();
        AnalyticsFilter filter = AnalyticsParams.filter(req.query(), clock.instant());
        Json.ok(res, cached(project, "distribution", filter.toString(), () -> {
            RollupSums sums = DashboardCards.sum(rollups.rows(project, filter));
            long[] bounds = LatencyHistogram.bounds();
            List<Map<String, Object>> buckets = new ArrayList<>();
            for (int i = 0; i < sums.histogram.length; i++) {
                if (sums.histogram[i] == 0) {
                    continue;
                }
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("lower_ms", i == 0 ? 0 : bounds[i - 1]);
                b.put("upper_ms", i < bounds.length ? bounds[i] : null);
                b.put("count", sums.histogram[i]);
                buckets.add(b);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", filter.from());
            body.put("to", filter.to());
            body.put("total", sums.calls);
            body.put("p50_ms", sums.latencyQuantile(0.5));
            body.put("p95_ms", sums.latencyQuantile(0.95));
            body.put("p99_ms", sums.latencyQuantile(0.99));
            body.put("buckets", buckets);
            return body;
        }));
    }

    private Object cached(UUID project, String route, String query, Supplier<Object> compute) {
        return cache.get(new CacheKey(project, route, query), k -> compute.get());
    }
}
