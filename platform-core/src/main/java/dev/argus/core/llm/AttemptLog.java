package dev.argus.core.llm;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;

import dev.argus.core.ingest.IngestPipeline;
import dev.argus.core.ingest.IngestRejectedException;
import dev.argus.core.ingest.NewCall;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** Stores the calls of a request's attempts through the ingest pipeline and reads back what one of them cost. */
final class AttemptLog {

    private static final System.Logger LOG = System.getLogger(AttemptLog.class.getName());

    private final IngestPipeline pipeline;
    private final DSLContext dsl;

    AttemptLog(IngestPipeline pipeline, DSLContext dsl) {
        this.pipeline = pipeline;
        this.dsl = dsl;
    }

    /** Stores the calls before the answer; an unreachable database must not cost the caller the answer. */
    boolean store(UUID project, List<NewCall> calls) {
        if (calls.isEmpty()) {
            return false;
        }
        try {
            pipeline.ingest(project, calls);
            return true;
        } catch (IngestRejectedException e) {
            LOG.log(System.Logger.Level.WARNING, "LLM request calls not logged: " + e.getMessage());
            return false;
        }
    }

    /** The cost the pipeline priced a stored call at, or {@code null} when its model has no price. */
    BigDecimal cost(UUID project, NewCall call) {
        BigDecimal cost = dsl.select(LLM_CALLS.COST_USD).from(LLM_CALLS)
                .where(LLM_CALLS.PROJECT_ID.eq(project), LLM_CALLS.ID.eq(call.id()),
                        LLM_CALLS.STARTED_AT.eq(call.startedAt().atOffset(ZoneOffset.UTC)))
                .fetchOptional(LLM_CALLS.COST_USD).orElse(null);
        return cost == null ? null : cost.stripTrailingZeros();
    }
}
