package dev.argus.core.analytics;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cost analytics with a spend forecast ({@code GET /api/v1/analytics/costs}) and rate-limit headroom
 * per provider and model ({@code GET /api/v1/analytics/rate-limits}).
 */
public final class AnalyticsService implements ApiService {

    static final Set<String> COST_GROUPS = Set.of("provider", "model", "user", "prompt", "day");
    /** Complete days before today the forecast is fitted to. */
    static final int HISTORY_DAYS = 30;
    static final double CONFIDENCE = 0.95;

    private final CostQueries costs;
    private final RateLimitHeadroom headroom;
    private final Clock clock;

    public AnalyticsService(CostQueries costs, RateLimitHeadroom headroom, Clock clock) {
        this.costs = costs;
        this.headroom = headroom;
        this.clock = clock;
    }

    @Override
    public void routes(ApiRules rules) {
        Access read = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
        rules.get("/costs", read, this::costs);
        rules.get("/rate-limits", read, this::rateLimits);
    }

    private void costs(ServerRequest req, ServerResponse res) {
        UUID project = Caller.of(req).projectId();
        var query = req.query();
        String groupBy = AnalyticsParams.choice(query, "group_by", COST_GROUPS, "model");
        int limit = AnalyticsParams.whole(query, "limit", 1, 1000, 100);
        AnalyticsFilter filter = AnalyticsParams.filter(query, clock.instant());
        List<CostQueries.Group> groups = groupBy.equals("user") ? costs.byUser(project, filter, limit)
                : costs.fromRollups(project, filter, groupBy, groupBy.equals("day") ? 1000 : limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_by", groupBy);
        body.put("from", filter.from());
        body.put("to", filter.to());
        body.put("items", groups);
        body.put("forecast", forecast(project, filter));
        Json.ok(res, body);
    }

    /**
     * Fits the last {@link #HISTORY_DAYS} complete UTC days (from the first day with spend) and predicts
     * today onwards: the month's total (complete days so far plus the predicted rest) and the next 30 days.
     */
    private Map<String, Object> forecast(UUID project, AnalyticsFilter filter) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Instant historyStart = today.minusDays(HISTORY_DAYS).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant todayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        List<SpendForecast.Day> sparse = costs.dailyTotals(project, filter.withRange(historyStart, todayStart));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "linear regression on daily totals (OLS), Student-t prediction intervals");
        out.put("confidence", CONFIDENCE);
        if (sparse.isEmpty()) {
            out.put("available", false);
            out.put("reason", "no spend in the last " + HISTORY_DAYS + " days");
            return out;
        }
        List<SpendForecast.Day> days = new ArrayList<>();
        Map<LocalDate, Double> byDay = new LinkedHashMap<>();
        sparse.forEach(d -> byDay.put(d.day(), d.value()));
        for (LocalDate d = sparse.getFirst().day(); d.isBefore(today); d = d.plusDays(1)) {
            days.add(new SpendForecast.Day(d, byDay.getOrDefault(d, 0.0)));
        }
        if (days.size() < SpendForecast.MIN_DAYS) {
            out.put("available", false);
            out.put("reason", "needs at least " + SpendForecast.MIN_DAYS + " complete days of history, has " + days.size());
            return out;
        }
        SpendForecast.Result fit = SpendForecast.fit(days, CONFIDENCE, 30);
        double monthSoFar = days.stream().filter(d -> d.day().getMonth() == today.getMonth()
                && d.day().getYear() == today.getYear()).mapToDouble(SpendForecast.Day::value).sum();
        // the fit ends yesterday, so its rest of the month runs from today to the month's last day
        SpendForecast.Prediction rest = fit.remainingMonth();
        out.put("available", true);
        out.put("history_days", days.size());
        out.put("slope_usd_per_day", money(fit.slopePerDay()));
        out.put("month_end", Map.of("month", today.getYear() + "-" + String.format("%02d", today.getMonthValue()),
                "spent_before_today_usd", money(monthSoFar), "predicted_total_usd", money(monthSoFar + rest.value()),
                "lower_usd", money(monthSoFar + rest.lower()), "upper_usd", money(monthSoFar + rest.upper())));
        out.put("next_30_days", interval(fit.next30Days()));
        List<Map<String, Object>> daily = new ArrayList<>();
        for (int i = 0; i < fit.nextDays().size(); i++) {
            Map<String, Object> p = interval(fit.nextDays().get(i));
            p.put("day", today.plusDays(i).toString());
            daily.add(p);
        }
        out.put("daily", daily);
        List<Map<String, Object>> history = new ArrayList<>();
        for (SpendForecast.Checked c : fit.history()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("day", c.day().toString());
            h.put("cost_usd", money(c.value()));
            h.put("expected_usd", money(c.expected().value()));
            h.put("lower_usd", money(c.expected().lower()));
            h.put("upper_usd", money(c.expected().upper()));
            h.put("anomaly", c.anomaly());
            history.add(h);
        }
        out.put("history", history);
        return out;
    }

    private static Map<String, Object> interval(SpendForecast.Prediction p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("predicted_usd", money(p.value()));
        m.put("lower_usd", money(p.lower()));
        m.put("upper_usd", money(p.upper()));
        return m;
    }

    private static BigDecimal money(double value) {
        return DashboardCards.plain(BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP));
    }

    private void rateLimits(ServerRequest req, ServerResponse res) {
        UUID project = Caller.of(req).projectId();
        AnalyticsFilter filter = AnalyticsParams.filter(req.query(), clock.instant());
        Json.ok(res, Map.of("items", headroom.latest(project, filter)));
    }
}
