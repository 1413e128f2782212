package dev.argus.core.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.server.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the proxy learns about one call while it passes: filled from the request, the response
 * headers and the body (whole or event by event), then turned into a {@link NewCall}.
 * Used by one request thread only.
 */
final class CallRecorder {

    /** Most output text kept for the call log; the client still gets everything. */
    static final int MAX_OUTPUT_CHARS = 64 * 1024;

    private final String provider;
    private final long startNanos;
    private final Instant startedAt;
    private String model = "unknown";
    private String requestJson;
    private String inputText;
    private final StringBuilder output = new StringBuilder();
    private long inputTokens;
    private long outputTokens;
    private long cacheRead;
    private long cacheWrite;
    private long reasoning;
    private Long ttftMs;
    private ErrorCategory errorCategory;
    private String errorMessage;
    private Integer errorStatus;
    private boolean cancelled;

    CallRecorder(String provider) {
        this.provider = provider;
        this.startNanos = System.nanoTime();
        this.startedAt = Instant.now();
    }

    void model(String name) {
        if (name != null && !name.isBlank()) {
            model = name.length() > 200 ? name.substring(0, 200) : name;
        }
    }

    /** The chat messages or prompt sent, as JSON and as plain text. */
    void input(JsonNode messages, String text) {
        if (messages != null && !messages.isMissingNode() && !messages.isNull()) {
            requestJson = json(messages);
        }
        inputText = text;
    }

    void appendOutput(String text) {
        if (text != null && !text.isEmpty() && output.length() < MAX_OUTPUT_CHARS) {
            output.append(text, 0, Math.min(text.length(), MAX_OUTPUT_CHARS - output.length()));
        }
    }

    /** Marks the first token, once. */
    void firstToken() {
        if (ttftMs == null) {
            ttftMs = (System.nanoTime() - startNanos) / 1_000_000;
        }
    }

    void usage(long input, long output, long cacheRead, long cacheWrite, long reasoning) {
        this.inputTokens = Math.max(0, input);
        this.outputTokens = Math.max(0, output);
        this.cacheRead = Math.max(0, cacheRead);
        this.cacheWrite = Math.max(0, cacheWrite);
        this.reasoning = Math.min(Math.max(0, reasoning), this.outputTokens);
    }

    void outputTokens(long output) {
        this.outputTokens = Math.max(0, output);
        this.reasoning = Math.min(reasoning, outputTokens);
    }

    void error(ErrorCategory category, String message, Integer httpStatus) {
        errorCategory = category;
        errorMessage = message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
        errorStatus = httpStatus;
    }

    boolean failed() {
        return errorCategory != null;
    }

    void cancelled() {
        cancelled = true;
    }

    /** The finished call with the caller's labels. */
    NewCall finish(CallLabels labels, String rateLimitJson) {
        long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
        Instant start = startedAt.truncatedTo(ChronoUnit.MICROS);
        Instant end = start.plusMillis(latencyMs);
        String status = cancelled ? "cancelled" : errorCategory != null ? "error" : "success";
        ErrorCategory category = cancelled && errorCategory == null ? ErrorCategory.CANCELLED : errorCategory;
        String message = cancelled && errorMessage == null ? "the client disconnected before the answer ended" : errorMessage;
        Long ttft = ttftMs == null ? null : Math.min(ttftMs, latencyMs);
        String outputText = output.isEmpty() ? null : output.toString();
        String responseJson = outputText == null ? null : json(Json.MAPPER.getNodeFactory().textNode(outputText));
        return new NewCall(UuidV7.at(start), provider, model, status, category, message, errorStatus, start, end,
                latencyMs, ttft, new Usage(inputTokens, outputTokens, cacheRead, cacheWrite, reasoning),
                labels.userId(), labels.sessionId(), labels.traceId(), null, null, labels.promptName(),
                labels.promptVersion(), labels.tags(), "{}", requestJson, responseJson, rateLimitJson, inputText,
                outputText);
    }

    static String json(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Joins the text of chat messages ({@code content} strings or text parts). */
    static String messagesText(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode message : messages) {
            JsonNode content = message.get("content");
            List<JsonNode> parts = content == null ? List.of() : content.isArray() ? listOf(content) : List.of(content);
            for (JsonNode part : parts) {
                JsonNode value = part.isTextual() ? part : part.get("text");
                if (value != null && value.isTextual() && !value.textValue().isEmpty()) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(value.textValue());
                }
            }
        }
        return text.toString();
    }

    private static List<JsonNode> listOf(JsonNode array) {
        java.util.ArrayList<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
