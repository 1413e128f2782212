package dev.argus.core.analytics;

import static dev.argus.core.storage.jooq.Tables.EVALUATION_SCORES;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The mean of the evaluation scores (every evaluator scores 0..1) given in a range. With a provider,
 * model or prompt filter only scores of calls matching it count.
 */
final class EvaluationScoreAverage {

    private final DSLContext dsl;

    EvaluationScoreAverage(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The mean, or {@code null} when no score was given in the range. */
    Double of(UUID projectId, AnalyticsFilter filter) {
        var s = EVALUATION_SCORES;
        List<Condition> where = new ArrayList<>(List.of(s.PROJECT_ID.eq(projectId),
                s.CREATED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)),
                s.CREATED_AT.lt(filter.to().atOffset(ZoneOffset.UTC))));
        boolean byCall = filter.provider() != null || filter.model() != null || filter.prompt() != null;
        if (!byCall) {
            return dsl.select(DSL.avg(s.VALUE)).from(s).where(where).fetchOne(0, Double.class);
        }
        var c = LLM_CALLS;
        if (filter.provider() != null) {
            where.add(c.PROVIDER.eq(filter.provider()));
        }
        if (filter.model() != null) {
            where.add(c.MODEL.eq(filter.model()));
        }
        if (filter.prompt() != null) {
            where.add(c.PROMPT_NAME.eq(filter.prompt()));
        }
        // llm_call_ids gives each call's started_at, so the join reaches one partition of llm_calls
        return dsl.select(DSL.avg(s.VALUE)).from(s)
                .join(LLM_CALL_IDS).on(LLM_CALL_IDS.PROJECT_ID.eq(s.PROJECT_ID), LLM_CALL_IDS.ID.eq(s.CALL_ID))
                .join(c).on(c.PROJECT_ID.eq(LLM_CALL_IDS.PROJECT_ID), c.STARTED_AT.eq(LLM_CALL_IDS.STARTED_AT),
                        c.ID.eq(LLM_CALL_IDS.ID))
                .where(where).fetchOne(0, Double.class);
    }
}
