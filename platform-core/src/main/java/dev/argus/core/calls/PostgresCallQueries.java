package dev.argus.core.calls;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;

import dev.argus.core.storage.jooq.tables.records.LlmCallsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Explorer and export queries on PostgreSQL. Every query filters on {@code project_id} first and
 * orders by {@code (started_at, id)}, which the primary key and the per-filter indexes
 * {@code (project_id, column, started_at, id)} serve in index order.
 */
public final class PostgresCallQueries implements CallQueries {

    /** Characters of input and output text shown in list pages. */
    public static final int PREVIEW_CHARS = 200;
    private static final int EXPORT_FETCH_SIZE = 1000;

    private final DSLContext dsl;

    public PostgresCallQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static final Field<String> INPUT_PREVIEW = DSL.left(LLM_CALLS.INPUT_TEXT, PREVIEW_CHARS).as("input_preview");
    private static final Field<String> OUTPUT_PREVIEW = DSL.left(LLM_CALLS.OUTPUT_TEXT, PREVIEW_CHARS).as("output_preview");

    @Override
    public Page page(UUID projectId, CallFilter filter, PageCursor after, int limit) {
        List<CallRow> items = new ArrayList<>();
        for (Record r : pageQuery(dsl, projectId, filter, after, limit + 1).fetch()) {
            items.add(toRow(r.into(LLM_CALLS), r.get(INPUT_PREVIEW), r.get(OUTPUT_PREVIEW), false));
        }
        PageCursor next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            CallRow last = items.getLast();
            next = new PageCursor(last.startedAt(), last.id());
        }
        return new Page(List.copyOf(items), next);
    }

    /** The query behind {@link #page}: summary columns, filters, keyset condition, order and limit. */
    static Select<Record> pageQuery(DSLContext dsl, UUID projectId, CallFilter filter, PageCursor after, int limit) {
        List<Condition> where = conditions(projectId, filter);
        if (after != null) {
            var key = DSL.row(LLM_CALLS.STARTED_AT, LLM_CALLS.ID);
            var at = DSL.row(DSL.val(after.startedAt().atOffset(ZoneOffset.UTC)), DSL.val(after.id()));
            where.add(filter.ascending() ? key.gt(at) : key.lt(at));
        }
        List<Field<?>> fields = new ArrayList<>(List.of(LLM_CALLS.fields()));
        fields.removeAll(List.of(LLM_CALLS.REQUEST, LLM_CALLS.RESPONSE, LLM_CALLS.RATE_LIMIT, LLM_CALLS.INPUT_TEXT,
                LLM_CALLS.OUTPUT_TEXT, LLM_CALLS.SEARCH));
        fields.add(INPUT_PREVIEW);
        fields.add(OUTPUT_PREVIEW);
        return dsl.select(fields).from(LLM_CALLS).where(where).orderBy(order(filter)).limit(limit);
    }

    @Override
    public Optional<CallRow> find(UUID projectId, UUID id) {
        OffsetDateTime startedAt = dsl.select(LLM_CALL_IDS.STARTED_AT).from(LLM_CALL_IDS)
                .where(LLM_CALL_IDS.PROJECT_ID.eq(projectId), LLM_CALL_IDS.ID.eq(id)).fetchOne(LLM_CALL_IDS.STARTED_AT);
        if (startedAt == null) {
            return Optional.empty();
        }
        return dsl.selectFrom(LLM_CALLS)
                .where(LLM_CALLS.PROJECT_ID.eq(projectId), LLM_CALLS.STARTED_AT.eq(startedAt), LLM_CALLS.ID.eq(id))
                .fetchOptional()
                .map(r -> toRow(r, r.getInputText(), r.getOutputText(), true));
    }

    @Override
    public void stream(UUID projectId, CallFilter filter, Consumer<Stream<CallRow>> consumer) {
        // a server-side cursor needs a transaction (autocommit off) and a fetch size
        dsl.transaction(tx -> {
            try (Cursor<LlmCallsRecord> cursor = tx.dsl().selectFrom(LLM_CALLS).where(conditions(projectId, filter))
                    .orderBy(order(filter)).fetchSize(EXPORT_FETCH_SIZE).fetchLazy();
                 Stream<CallRow> rows = cursor.stream().map(r -> toRow(r, r.getInputText(), r.getOutputText(), true))) {
                consumer.accept(rows);
            }
        });
    }

    /** The filter's conditions, project first. */
    static List<Condition> conditions(UUID projectId, CallFilter f) {
        List<Condition> c = new ArrayList<>();
        c.add(LLM_CALLS.PROJECT_ID.eq(projectId));
        if (f.from() != null) {
            c.add(LLM_CALLS.STARTED_AT.ge(f.from().atOffset(ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            c.add(LLM_CALLS.STARTED_AT.lt(f.to().atOffset(ZoneOffset.UTC)));
        }
        if (f.provider() != null) {
            c.add(LLM_CALLS.PROVIDER.eq(f.provider()));
        }
        if (f.model() != null) {
            c.add(LLM_CALLS.MODEL.eq(f.model()));
        }
        if (f.status() != null) {
            c.add(LLM_CALLS.STATUS.eq(f.status()));
        }
        if (f.errorCategory() != null) {
            c.add(LLM_CALLS.ERROR_CATEGORY.eq(f.errorCategory()));
        }
        if (f.userId() != null) {
            c.add(LLM_CALLS.USER_ID.eq(f.userId()));
        }
        if (f.sessionId() != null) {
            c.add(LLM_CALLS.SESSION_ID.eq(f.sessionId()));
        }
        if (f.traceId() != null) {
            c.add(LLM_CALLS.TRACE_ID.eq(f.traceId()));
        }
        if (f.prompt() != null) {
            c.add(LLM_CALLS.PROMPT_NAME.eq(f.prompt()));
        }
        if (f.promptVersion() != null) {
            c.add(LLM_CALLS.PROMPT_VERSION.eq(f.promptVersion()));
        }
        if (!f.tags().isEmpty()) {
            c.add(LLM_CALLS.TAGS.contains(f.tags().toArray(String[]::new)));
        }
        if (f.minLatencyMs() != null) {
            c.add(LLM_CALLS.LATENCY_MS.ge(f.minLatencyMs()));
        }
        if (f.maxLatencyMs() != null) {
            c.add(LLM_CALLS.LATENCY_MS.le(f.maxLatencyMs()));
        }
        if (f.minCostUsd() != null) {
            c.add(LLM_CALLS.COST_USD.ge(f.minCostUsd()));
        }
        if (f.maxCostUsd() != null) {
            c.add(LLM_CALLS.COST_USD.le(f.maxCostUsd()));
        }
        if (f.query() != null) {
            // jOOQ has no tsquery builder; the template binds the query text as a parameter
            c.add(DSL.condition("{0} @@ websearch_to_tsquery('simple'::regconfig, {1})", LLM_CALLS.SEARCH,
                    DSL.val(f.query())));
        }
        return c;
    }

    private static List<SortField<?>> order(CallFilter f) {
        return f.ascending() ? List.of(LLM_CALLS.STARTED_AT.asc(), LLM_CALLS.ID.asc())
                : List.of(LLM_CALLS.STARTED_AT.desc(), LLM_CALLS.ID.desc());
    }

    private static CallRow toRow(LlmCallsRecord r, String inputText, String outputText, boolean full) {
        return new CallRow(r.getId(), r.getProvider(), r.getModel(), r.getStatus(), r.getErrorCategory(),
                r.getErrorMessage(), r.getErrorHttpStatus(), r.getStartedAt().toInstant(), r.getEndedAt().toInstant(),
                r.getReceivedAt().toInstant(), r.getLatencyMs(), r.getTimeToFirstTokenMs(), r.getInputTokens(),
                r.getOutputTokens(), r.getCacheReadInputTokens(), r.getCacheWriteInputTokens(), r.getReasoningTokens(),
                plain(r.getCostUsd()), Boolean.TRUE.equals(r.getPriceMissing()),
                r.getUserId(), r.getSessionId(), r.getTraceId(), r.getSpanId(), r.getParentSpanId(), r.getPromptName(),
                r.getPromptVersion(), r.getTags() == null ? List.of() : List.of(r.getTags()), data(r.getMetadata()),
                full ? data(r.getRequest()) : null, full ? data(r.getResponse()) : null,
                full ? data(r.getRateLimit()) : null, inputText, outputText);
    }

    private static java.math.BigDecimal plain(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String data(JSONB json) {
        return json == null ? null : json.data();
    }
}
