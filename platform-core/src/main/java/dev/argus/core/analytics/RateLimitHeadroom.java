package dev.argus.core.analytics;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The latest rate-limit snapshot seen per provider and model: remaining requests and tokens, limits
 * and reset times, as recorded with each call ({@code llm_calls.rate_limit}).
 */
public final class RateLimitHeadroom {

    /** Fields of a recorded snapshot, as {@code RateLimitSnapshot} writes them. */
    static final List<String> FIELDS = List.of("requests_limit", "requests_remaining", "requests_reset",
            "tokens_limit", "tokens_remaining", "tokens_reset", "retry_after");

    private final DSLContext dsl;

    public RateLimitHeadroom(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One entry per provider and model with a snapshot in the range, newest snapshot each. */
    public List<Map<String, Object>> latest(UUID projectId, Instant from, Instant to) {
        var c = LLM_CALLS;
        return dsl.select(c.PROVIDER, c.MODEL, c.STARTED_AT, c.RATE_LIMIT).distinctOn(c.PROVIDER, c.MODEL)
                .from(c)
                .where(c.PROJECT_ID.eq(projectId), c.RATE_LIMIT.isNotNull(),
                        c.STARTED_AT.ge(from.atOffset(ZoneOffset.UTC)), c.STARTED_AT.lt(to.atOffset(ZoneOffset.UTC)))
                .orderBy(c.PROVIDER, c.MODEL, c.STARTED_AT.desc())
                .fetch(r -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("provider", r.value1());
                    item.put("model", r.value2());
                    item.put("seen_at", r.value3().toInstant());
                    JsonNode snapshot = parse(r.value4().data());
                    for (String field : FIELDS) {
                        JsonNode v = snapshot.get(field);
                        item.put(field, v == null || v.isNull() ? null : v.isNumber() ? v.numberValue() : v.asText());
                    }
                    return item;
                });
    }

    private static JsonNode parse(String json) {
        try {
            return Json.STORED.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
