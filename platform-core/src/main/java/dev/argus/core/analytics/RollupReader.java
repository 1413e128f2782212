package dev.argus.core.analytics;

import static dev.argus.core.storage.jooq.Tables.CALL_ROLLUP_MINUTE;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.argus.core.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Reads minute rollups for a project and range. The unique key
 * {@code (project_id, minute, provider, model, ...)} serves the range scan.
 */
public final class RollupReader {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final DSLContext dsl;

    public RollupReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every rollup row of the project inside the filter's range and dimensions. */
    public List<RollupRow> rows(UUID projectId, AnalyticsFilter filter) {
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
        return dsl.select(t.MINUTE, t.PROVIDER, t.MODEL, t.PROMPT_NAME, t.PROMPT_VERSION, t.CALLS, t.SUCCESS_CALLS,
                        t.ERROR_CALLS, t.ERRORS_BY_CATEGORY, t.INPUT_TOKENS, t.OUTPUT_TOKENS, t.COST_USD,
                        t.LATENCY_SUM_MS, t.LATENCY_HISTOGRAM)
                .from(t).where(where).orderBy(t.MINUTE)
                .fetch(r -> new RollupRow(r.value1().toInstant(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), counts(r.value9()), r.value10(), r.value11(), r.value12(),
                        r.value13(), unbox(r.value14())));
    }

    private static Map<String, Long> counts(JSONB json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return Json.STORED.readValue(json.data(), COUNTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long[] unbox(Long[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] == null ? 0 : values[i];
        }
        return out;
    }
}
