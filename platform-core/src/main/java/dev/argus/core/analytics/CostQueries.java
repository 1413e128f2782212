package dev.argus.core.analytics;

import static dev.argus.core.storage.jooq.Tables.CALL_ROLLUP_MINUTE;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Spend grouped by a dimension: provider, model, prompt and day from the minute rollups; user from
 * the raw calls, where {@code llm_calls_user_idx (project_id, user_id, started_at, id)} selects the
 * project's attributed calls.
 */
public final class CostQueries {

    /** One group's spend. */
    public record Group(String key, long calls, BigDecimal costUsd, long inputTokens, long outputTokens) {
    }

    private final DSLContext dsl;

    public CostQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Groups by {@code provider}, {@code model}, {@code prompt} or {@code day} (UTC), costliest first (days in order). */
    public List<Group> fromRollups(UUID projectId, AnalyticsFilter filter, String groupBy, int limit) {
        var t = CALL_ROLLUP_MINUTE;
        Field<String> key = switch (groupBy) {
            case "provider" -> t.PROVIDER;
            case "model" -> t.MODEL;
            case "prompt" -> t.PROMPT_NAME;
            case "day" -> DSL.cast(dayOf(t.MINUTE), String.class);
            default -> throw new IllegalArgumentException(groupBy);
        };
        Field<BigDecimal> cost = DSL.sum(t.COST_USD);
        var query = dsl.select(key, DSL.sum(t.CALLS), cost, DSL.sum(t.INPUT_TOKENS), DSL.sum(t.OUTPUT_TOKENS))
                .from(t).where(rollupWhere(projectId, filter)).groupBy(key);
        var ordered = groupBy.equals("day") ? query.orderBy(key) : query.orderBy(cost.desc(), key.asc().nullsLast());
        return ordered.limit(limit).fetch(r -> new Group(groupBy.equals("day") ? day(r.value1()) : r.value1(),
                r.value2().longValue(), DashboardCards.plain(r.value3()), r.value4().longValue(), r.value5().longValue()));
    }

    /** Spend per attributed user, costliest first; calls without a user are left out. */
    public List<Group> byUser(UUID projectId, AnalyticsFilter filter, int limit) {
        var c = LLM_CALLS;
        List<Condition> where = new ArrayList<>();
        where.add(c.PROJECT_ID.eq(projectId));
        where.add(c.USER_ID.isNotNull());
        where.add(c.STARTED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)));
        where.add(c.STARTED_AT.lt(filter.to().atOffset(ZoneOffset.UTC)));
        if (filter.provider() != null) {
            where.add(c.PROVIDER.eq(filter.provider()));
        }
        if (filter.model() != null) {
            where.add(c.MODEL.eq(filter.model()));
        }
        if (filter.prompt() != null) {
            where.add(c.PROMPT_NAME.eq(filter.prompt()));
        }
        Field<BigDecimal> cost = DSL.coalesce(DSL.sum(c.COST_USD), BigDecimal.ZERO);
        return dsl.select(c.USER_ID, DSL.count(), cost, DSL.sum(c.INPUT_TOKENS), DSL.sum(c.OUTPUT_TOKENS))
                .from(c).where(where).groupBy(c.USER_ID).orderBy(cost.desc(), c.USER_ID.asc()).limit(limit)
                .fetch(r -> new Group(r.value1(), r.value2(), DashboardCards.plain(r.value3()), r.value4().longValue(),
                        r.value5().longValue()));
    }

    /** Daily spend (UTC days) in the range; days without calls are absent. */
    public List<SpendForecast.Day> dailyTotals(UUID projectId, AnalyticsFilter filter) {
        var t = CALL_ROLLUP_MINUTE;
        Field<Long> day = dayOf(t.MINUTE);
        return dsl.select(day, DSL.sum(t.COST_USD)).from(t).where(rollupWhere(projectId, filter)).groupBy(day)
                .orderBy(day)
                .fetch(r -> new SpendForecast.Day(LocalDate.ofEpochDay(r.value1()), r.value2().doubleValue()));
    }

    /** The UTC day number of a time, independent of the session's time zone. */
    private static Field<Long> dayOf(Field<java.time.OffsetDateTime> time) {
        return DSL.floor(DSL.extract(time, DatePart.EPOCH).div(DSL.inline(86400))).cast(Long.class);
    }

    private static String day(String epochDay) {
        return LocalDate.ofEpochDay(Long.parseLong(epochDay)).toString();
    }

    private static List<Condition> rollupWhere(UUID projectId, AnalyticsFilter filter) {
        var t = CALL_ROLLUP_MINUTE;
        List<Condition> where = new ArrayList<>();
        where.add(t.PROJECT_ID.eq(projectId));
        where.add(t.MINUTE.ge(filter.from().atOffset(ZoneOffset.UTC)));
        where.add(t.MINUTE.lt(filter.to().atOffset(ZoneOffset.UTC)));
        if (filter.provider() != null) {
            where.add(t.PROVIDER.eq(filter.provider()));
        }
        if (filter.model() != null) {
            where.add(t.MODEL.eq(filter.model()));
        }
        if (filter.prompt() != null) {
            where.add(t.PROMPT_NAME.eq(filter.prompt()));
        }
        return where;
    }
}
