package dev.argus.core.alerts;

import static dev.argus.core.storage.jooq.Tables.CALL_ROLLUP_MINUTE;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;

import dev.argus.core.ingest.LatencyHistogram;
import dev.argus.core.storage.jooq.tables.records.AlertRulesRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A rule's metric over its window, read from {@code call_rollup_minute} (cost per user also needs
 * the distinct users of {@code llm_calls}, which the rollups do not keep).
 */
final class WindowMetrics {

    private WindowMetrics() {
    }

    /**
     * The value and what it was computed from.
     *
     * @param value    the metric, or {@code null} when the window holds no calls
     * @param observed window bounds, filters and the counts behind the value
     */
    record Observation(Double value, Map<String, Object> observed) {
    }

    static Observation observe(DSLContext tx, AlertRulesRecord rule, Instant now) {
        AlertMetric metric = AlertMetric.of(rule.getMetric()).orElseThrow();
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        Instant start = end.minusSeconds(rule.getWindowSeconds());
        OffsetDateTime from = start.atOffset(ZoneOffset.UTC);
        OffsetDateTime to = end.atOffset(ZoneOffset.UTC);

        List<Condition> where = new ArrayList<>(List.of(CALL_ROLLUP_MINUTE.PROJECT_ID.eq(rule.getProjectId()),
                CALL_ROLLUP_MINUTE.MINUTE.ge(from), CALL_ROLLUP_MINUTE.MINUTE.lt(to)));
        if (rule.getProvider() != null) {
            where.add(CALL_ROLLUP_MINUTE.PROVIDER.eq(rule.getProvider()));
        }
        if (rule.getModel() != null) {
            where.add(CALL_ROLLUP_MINUTE.MODEL.eq(rule.getModel()));
        }
        if (rule.getPromptName() != null) {
            where.add(CALL_ROLLUP_MINUTE.PROMPT_NAME.eq(rule.getPromptName()));
        }
        var totals = tx.select(DSL.coalesce(DSL.sum(CALL_ROLLUP_MINUTE.CALLS), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(CALL_ROLLUP_MINUTE.ERROR_CALLS), BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(CALL_ROLLUP_MINUTE.INPUT_TOKENS.plus(CALL_ROLLUP_MINUTE.OUTPUT_TOKENS)),
                                BigDecimal.ZERO),
                        DSL.coalesce(DSL.sum(CALL_ROLLUP_MINUTE.COST_USD), BigDecimal.ZERO))
                .from(CALL_ROLLUP_MINUTE).where(where).fetchOne();
        long calls = totals.value1().longValue();
        long errors = totals.value2().longValue();
        long tokens = totals.value3().longValue();
        BigDecimal cost = totals.value4();

        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("window_start", start.toString());
        observed.put("window_end", end.toString());
        if (rule.getProvider() != null) {
            observed.put("provider", rule.getProvider());
        }
        if (rule.getModel() != null) {
            observed.put("model", rule.getModel());
        }
        if (rule.getPromptName() != null) {
            observed.put("prompt_name", rule.getPromptName());
        }
        observed.put("calls", calls);
        observed.put("error_calls", errors);
        observed.put("tokens", tokens);
        observed.put("cost_usd", cost.stripTrailingZeros().toPlainString());

        Double value = switch (metric) {
            case REQUESTS -> (double) calls;
            case ERROR_RATE -> calls == 0 ? null : (double) errors / calls;
            case TOKENS -> (double) tokens;
            case COST -> cost.doubleValue();
            case LATENCY_P50 -> latency(tx, where, 0.50);
            case LATENCY_P95 -> latency(tx, where, 0.95);
            case LATENCY_P99 -> latency(tx, where, 0.99);
            case COST_PER_USER -> costPerUser(tx, rule, from, to, observed);
        };
        if (calls == 0 && metric != AlertMetric.REQUESTS) {
            value = null;
        }
        return new Observation(value, observed);
    }

    private static Double latency(DSLContext tx, List<Condition> where, double quantile) {
        long[] merged = new long[LatencyHistogram.BUCKETS];
        for (Long[] histogram : tx.select(CALL_ROLLUP_MINUTE.LATENCY_HISTOGRAM).from(CALL_ROLLUP_MINUTE).where(where)
                .fetch(r -> r.value1())) {
            long[] counts = new long[histogram.length];
            for (int i = 0; i < histogram.length; i++) {
                counts[i] = histogram[i] == null ? 0 : histogram[i];
            }
            LatencyHistogram.addInto(merged, counts);
        }
        double q = LatencyHistogram.quantile(merged, quantile);
        return q < 0 ? null : q;
    }

    private static Double costPerUser(DSLContext tx, AlertRulesRecord rule, OffsetDateTime from, OffsetDateTime to,
                                      Map<String, Object> observed) {
        List<Condition> where = new ArrayList<>(List.of(LLM_CALLS.PROJECT_ID.eq(rule.getProjectId()),
                LLM_CALLS.STARTED_AT.ge(from), LLM_CALLS.STARTED_AT.lt(to), LLM_CALLS.USER_ID.isNotNull()));
        if (rule.getProvider() != null) {
            where.add(LLM_CALLS.PROVIDER.eq(rule.getProvider()));
        }
        if (rule.getModel() != null) {
            where.add(LLM_CALLS.MODEL.eq(rule.getModel()));
        }
        if (rule.getPromptName() != null) {
            where.add(LLM_CALLS.PROMPT_NAME.eq(rule.getPromptName()));
        }
        var r = tx.select(DSL.countDistinct(LLM_CALLS.USER_ID), DSL.coalesce(DSL.sum(LLM_CALLS.COST_USD), BigDecimal.ZERO))
                .from(LLM_CALLS).where(where).fetchOne();
        int users = r.value1();
        observed.put("users", users);
        return users == 0 ? null : r.value2().doubleValue() / users;
    }
}
