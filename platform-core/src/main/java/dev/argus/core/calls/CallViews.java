package dev.argus.core.calls;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.ErrorCategory;
import dev.argus.api.LlmCall;
import dev.argus.api.Usage;
import dev.argus.core.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored calls in their API shape (the ingest shape plus cost, rate limit and server timestamps),
 * and as the SPI's {@link LlmCall} for exporters.
 */
final class CallViews {

    private CallViews() {
    }

    /** A list item: payloads replaced by text previews. */
    static Map<String, Object> summary(CallRow r) {
        Map<String, Object> m = common(r);
        m.put("input_preview", r.inputText());
        m.put("output_preview", r.outputText());
        return m;
    }

    /** The full call. */
    static Map<String, Object> detail(CallRow r) {
        Map<String, Object> m = common(r);
        m.put("input", tree(r.requestJson()));
        m.put("output", tree(r.responseJson()));
        m.put("input_text", r.inputText());
        m.put("output_text", r.outputText());
        m.put("rate_limit", tree(r.rateLimitJson()));
        return m;
    }

    private static Map<String, Object> common(CallRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("provider", r.provider());
        m.put("model", r.model());
        m.put("status", r.status());
        if (r.errorCategory() != null || r.errorMessage() != null || r.errorHttpStatus() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("category", r.errorCategory());
            error.put("message", r.errorMessage());
            error.put("http_status", r.errorHttpStatus());
            m.put("error", error);
        } else {
            m.put("error", null);
        }
        m.put("started_at", r.startedAt());
        m.put("ended_at", r.endedAt());
        m.put("received_at", r.receivedAt());
        m.put("latency_ms", r.latencyMs());
        m.put("time_to_first_token_ms", r.timeToFirstTokenMs());
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("input_tokens", r.inputTokens());
        usage.put("output_tokens", r.outputTokens());
        usage.put("cache_read_input_tokens", r.cacheReadInputTokens());
        usage.put("cache_write_input_tokens", r.cacheWriteInputTokens());
        usage.put("reasoning_tokens", r.reasoningTokens());
        m.put("usage", usage);
        m.put("cost_usd", r.costUsd());
        m.put("price_missing", r.priceMissing());
        m.put("user_id", r.userId());
        m.put("session_id", r.sessionId());
        m.put("trace_id", r.traceId());
        m.put("span_id", r.spanId());
        m.put("parent_span_id", r.parentSpanId());
        if (r.promptName() != null || r.promptVersion() != null) {
            Map<String, Object> prompt = new LinkedHashMap<>();
            prompt.put("name", r.promptName());
            prompt.put("version", r.promptVersion());
            m.put("prompt", prompt);
        } else {
            m.put("prompt", null);
        }
        m.put("tags", r.tags());
        m.put("metadata", tree(r.metadataJson()));
        return m;
    }

    /** The SPI view handed to exporters. */
    static LlmCall toLlmCall(CallRow r) {
        Map<String, Object> metadata;
        try {
            metadata = r.metadataJson() == null ? Map.of()
                    : Json.STORED.readValue(r.metadataJson(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LlmCall(r.id(), r.provider(), r.model(), r.status(),
                r.errorCategory() == null ? null : ErrorCategory.fromWireName(r.errorCategory()), r.errorMessage(),
                r.startedAt(), r.endedAt(), r.latencyMs(), r.timeToFirstTokenMs(),
                new Usage(r.inputTokens(), r.outputTokens(), r.cacheReadInputTokens(), r.cacheWriteInputTokens(),
                        r.reasoningTokens()),
                r.costUsd(), r.userId(), r.sessionId(), r.traceId(), r.spanId(), r.promptName(), r.promptVersion(),
                r.tags(), metadata == null ? Map.of() : nullSafe(metadata), r.inputText(), r.outputText());
    }

    /** {@link Map#copyOf} in LlmCall refuses null values; JSON nulls become the string-free marker absent. */
    private static Map<String, Object> nullSafe(Map<String, Object> metadata) {
        Map<String, Object> copy = new LinkedHashMap<>();
        metadata.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.STORED.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
