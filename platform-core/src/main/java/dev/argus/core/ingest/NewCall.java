package dev.argus.core.ingest;

import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One validated call, ready to be priced and stored. JSON parts are kept as serialised JSON text.
 *
 * @param id              the client's id, or a new UUIDv7
 * @param provider        provider id, e.g. {@code openai}
 * @param model           model name
 * @param status          {@code success}, {@code error} or {@code cancelled}
 * @param errorCategory   the error's category, or {@code null}
 * @param errorMessage    the error's message, or {@code null}
 * @param errorHttpStatus the upstream HTTP status of the error, or {@code null}
 * @param startedAt       start, microsecond precision
 * @param endedAt         end, microsecond precision
 * @param latencyMs       duration in milliseconds
 * @param ttftMs          time to first token, or {@code null}
 * @param usage           token counts
 * @param userId          end user, or {@code null}
 * @param sessionId       session, or {@code null}
 * @param traceId         trace, or {@code null}
 * @param spanId          span, or {@code null}
 * @param parentSpanId    parent span, or {@code null}
 * @param promptName      stored prompt name, or {@code null}
 * @param promptVersion   stored prompt version, or {@code null}
 * @param tags            labels, without duplicates
 * @param metadataJson    metadata object as JSON
 * @param requestJson     the "input" as JSON, or {@code null}
 * @param responseJson    the "output" as JSON, or {@code null}
 * @param rateLimitJson   the rate-limit snapshot as JSON, or {@code null}
 * @param inputText       the input as plain text, or {@code null}
 * @param outputText      the output as plain text, or {@code null}
 */
public record NewCall(UUID id, String provider, String model, String status, ErrorCategory errorCategory,
                      String errorMessage, Integer errorHttpStatus, Instant startedAt, Instant endedAt,
                      long latencyMs, Long ttftMs, Usage usage, String userId, String sessionId, String traceId,
                      String spanId, String parentSpanId, String promptName, Integer promptVersion,
                      List<String> tags, String metadataJson, String requestJson, String responseJson,
                      String rateLimitJson, String inputText, String outputText) {

    /** Copies the tags. */
    public NewCall {
        tags = List.copyOf(tags);
    }
}
