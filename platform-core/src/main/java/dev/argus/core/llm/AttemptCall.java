package dev.argus.core.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.argus.api.Usage;
import dev.argus.api.provider.ChatMessage;
import dev.argus.api.provider.ChatResponse;
import dev.argus.api.provider.RateLimitSnapshot;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.server.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns one attempt of an LLM request into the call it is logged as. */
final class AttemptCall {

    private AttemptCall() {
    }

    /**
     * @param attempt  the attempt
     * @param request  the labels the call carries
     * @param prepared the messages sent and the prompt version they came from
     * @param traceId  shared by every attempt of one request
     */
    static NewCall of(Attempt attempt, LlmRequest request, PreparedRequest prepared, String traceId) {
        return of(attempt, request.userId(), request.sessionId(), request.tags(), request.metadata(), prepared, traceId);
    }

    /**
     * @param userId    end user the call is logged under, or {@code null}
     * @param sessionId session the call is logged under, or {@code null}
     * @param tags      labels of the call
     * @param labels    metadata of the call; the attempt number (and fallback flag) are added
     */
    static NewCall of(Attempt attempt, String userId, String sessionId, List<String> tags, Map<String, Object> labels,
                      PreparedRequest prepared, String traceId) {
        List<ChatMessage> messages = prepared.messages();
        Instant start = attempt.startedAt().truncatedTo(ChronoUnit.MICROS);
        long latencyMs = attempt.latency().toMillis();
        ChatResponse response = attempt.response();
        Map<String, Object> metadata = new LinkedHashMap<>(labels);
        metadata.put("argus_attempt", attempt.number());
        if (attempt.fallback()) {
            metadata.put("argus_fallback", true);
        }
        String input = messages.stream().map(m -> m.role() + ": " + m.content()).collect(Collectors.joining("\n"));
        String model = response != null && response.model() != null ? response.model() : attempt.target().model();
        Long ttft = response == null || response.timeToFirstToken() == null ? null
                : Math.min(response.timeToFirstToken().toMillis(), latencyMs);
        return new NewCall(UuidV7.at(start), attempt.target().provider(), model,
                response != null ? "success" : "error", attempt.error(),
                attempt.errorMessage(), attempt.httpStatus() == 0 ? null : attempt.httpStatus(), start,
                start.plusMillis(latencyMs), latencyMs, ttft, response == null ? Usage.ZERO : response.usage(),
                userId, sessionId, traceId, null, null,
                prepared.promptName(), prepared.promptVersion(), tags,
                json(metadata), json(messages.stream().map(m -> Map.of("role", m.role(), "content", m.content())).toList()),
                response == null ? null : json(Map.of("role", "assistant", "content", response.content())),
                rateLimits(attempt.rateLimits()), input, response == null ? null : response.content());
    }

    private static String rateLimits(RateLimitSnapshot r) {
        if (r == null || !r.isPresent()) {
            return null;
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        put(snapshot, "requests_limit", r.requestsLimit());
        put(snapshot, "requests_remaining", r.requestsRemaining());
        put(snapshot, "requests_reset", r.requestsReset());
        put(snapshot, "tokens_limit", r.tokensLimit());
        put(snapshot, "tokens_remaining", r.tokensRemaining());
        put(snapshot, "tokens_reset", r.tokensReset());
        put(snapshot, "retry_after", r.retryAfter() == null ? null : r.retryAfter().toSeconds());
        return json(snapshot);
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value instanceof Instant instant ? instant.toString() : value);
        }
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
