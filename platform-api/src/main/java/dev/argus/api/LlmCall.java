package dev.argus.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded model call as the host hands it to exporters and evaluators.
 *
 * @param id                 time-ordered call id
 * @param provider           provider id, e.g. {@code openai}
 * @param model              model name as sent to the provider
 * @param status             {@code success}, {@code error} or {@code cancelled}
 * @param errorCategory      normalised category when {@code status} is {@code error}, else {@code null}
 * @param errorMessage       the provider's message, or {@code null}
 * @param startedAt          when the request was sent
 * @param endedAt            when the last byte arrived
 * @param latencyMs          {@code endedAt - startedAt} in milliseconds
 * @param timeToFirstTokenMs for streamed calls, time until the first token; otherwise {@code null}
 * @param usage              token counts
 * @param costUsd            cost in US dollars, or {@code null} when the model's price is unknown
 * @param userId             the end user of the calling application, or {@code null}
 * @param sessionId          the application's session or conversation id, or {@code null}
 * @param traceId            distributed trace id, or {@code null}
 * @param spanId             span id within the trace, or {@code null}
 * @param promptName         the stored prompt this call used, or {@code null}
 * @param promptVersion      the version of that prompt, or {@code null}
 * @param tags               free-form labels
 * @param metadata           free-form key/value data (JSON-compatible values)
 * @param inputText          the prompt as plain text (chat messages joined by newlines)
 * @param outputText         the answer as plain text
 */
public record LlmCall(UUID id, String provider, String model, String status, ErrorCategory errorCategory,
                      String errorMessage, Instant startedAt, Instant endedAt, long latencyMs,
                      Long timeToFirstTokenMs, Usage usage, BigDecimal costUsd, String userId, String sessionId,
                      String traceId, String spanId, String promptName, Integer promptVersion, List<String> tags,
                      Map<String, Object> metadata, String inputText, String outputText) {

    /** Normalises absent collections to empty ones. */
    public LlmCall {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        usage = usage == null ? Usage.ZERO : usage;
    }
}
