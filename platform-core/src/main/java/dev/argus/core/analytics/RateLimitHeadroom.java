package dev.argus.core.analytics;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * The latest rate-limit snapshot seen per provider and model: remaining requests and tokens, limits
 * and reset times, as recorded with each call ({@code llm_calls.rate_limit}). A snapshot is either in
 * field form ({@code requests_remaining}, …) or the provider's response headers as the gateway records
 * them ({@code x-ratelimit-remaining-requests}, {@code anthropic-ratelimit-tokens-remaining}, …).
 */
public final class RateLimitHeadroom {

    /** Each field with the headers (lower case) that report it: OpenAI's, then Anthropic's. */
    static final Map<String, List<String>> FIELDS = fields();

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("requests_limit", List.of("x-ratelimit-limit-requests", "anthropic-ratelimit-requests-limit"));
        f.put("requests_remaining", List.of("x-ratelimit-remaining-requests", "anthropic-ratelimit-requests-remaining"));
        f.put("requests_reset", List.of("x-ratelimit-reset-requests", "anthropic-ratelimit-requests-reset"));
        f.put("tokens_limit", List.of("x-ratelimit-limit-tokens", "anthropic-ratelimit-tokens-limit"));
        f.put("tokens_remaining", List.of("x-ratelimit-remaining-tokens", "anthropic-ratelimit-tokens-remaining"));
        f.put("tokens_reset", List.of("x-ratelimit-reset-tokens", "anthropic-ratelimit-tokens-reset"));
        f.put("retry_after", List.of("retry-after"));
        return f;
    }

    private final DSLContext dsl;

    public RateLimitHeadroom(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One entry per provider and model with a snapshot in the range, newest snapshot each. */
    public List<Map<String, Object>> latest(UUID projectId, Instant from, Instant to) {
        return latest(projectId, new AnalyticsFilter(from, to, null, null, null));
    }

    /** The same, for calls of the filter's provider, model and prompt only. */
    public List<Map<String, Object>> latest(UUID projectId, AnalyticsFilter filter) {
        var c = LLM_CALLS;
        List<Condition> where = new ArrayList<>(List.of(c.PROJECT_ID.eq(projectId), c.RATE_LIMIT.isNotNull(),
                c.STARTED_AT.ge(filter.from().atOffset(ZoneOffset.UTC)),
                c.STARTED_AT.lt(filter.to().atOffset(ZoneOffset.UTC))));
        if (filter.provider() != null) {
            where.add(c.PROVIDER.eq(filter.provider()));
        }
        if (filter.model() != null) {
            where.add(c.MODEL.eq(filter.model()));
        }
        if (filter.prompt() != null) {
            where.add(c.PROMPT_NAME.eq(filter.prompt()));
        }
        return dsl.select(c.PROVIDER, c.MODEL, c.STARTED_AT, c.RATE_LIMIT).distinctOn(c.PROVIDER, c.MODEL)
                .from(c)
                .where(where)
                .orderBy(c.PROVIDER, c.MODEL, c.STARTED_AT.desc())
                .fetch(r -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("provider", r.value1());
                    item.put("model", r.value2());
                    item.put("seen_at", r.value3().toInstant());
                    JsonNode snapshot = parse(r.value4().data());
                    FIELDS.forEach((field, headers) -> item.put(field, value(snapshot, field, headers)));
                    return item;
                });
    }

    /** The field, else the first header reporting it; whole-number text becomes a number. */
    static Object value(JsonNode snapshot, String field, List<String> headers) {
        JsonNode v = snapshot.get(field);
        for (int i = 0; (v == null || v.isNull()) && i < headers.size(); i++) {
            v = snapshot.get(headers.get(i));
        }
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.numberValue();
        }
        String text = v.asText().trim();
        if (text.matches("[0-9]{1,18}")) {
            return Long.parseLong(text);
        }
        return text;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.STORED.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
