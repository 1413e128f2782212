package dev.argus.core.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import dev.argus.core.ingest.NewCall;
import dev.argus.core.server.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps an OTLP/JSON {@code ExportTraceServiceRequest} to calls: spans carrying the OpenTelemetry GenAI
 * semantic conventions (current and deprecated attribute names, and OpenInference's {@code llm.*})
 * become calls with their trace, span and parent ids; other spans are skipped. A GenAI span that
 * cannot be stored (bad ids or times) is counted as rejected, as OTLP's partial success reports.
 */
final class OtlpJsonSpans {

    /**
     * The outcome of one export request.
     *
     * @param calls    the GenAI spans as calls
     * @param rejected how many GenAI spans could not be mapped
     * @param skipped  how many spans were not GenAI spans
     * @param problem  the first rejection's reason, or {@code null}
     */
    record Mapped(List<NewCall> calls, int rejected, int skipped, String problem) {
    }

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-fA-F]{16}");
    private static final Pattern PROVIDER_CHARS = Pattern.compile("[^a-z0-9._-]");

    private OtlpJsonSpans() {
    }

    /** Maps the request; throws {@link IllegalArgumentException} naming the field when its shape is wrong. */
    static Mapped map(JsonNode request) {
        if (!request.isObject()) {
            throw new IllegalArgumentException("$: must be an ExportTraceServiceRequest object");
        }
        List<NewCall> calls = new ArrayList<>();
        int rejected = 0;
        int skipped = 0;
        String problem = null;
        JsonNode resourceSpans = field(request, "resourceSpans", "resource_spans");
        if (resourceSpans == null || resourceSpans.isNull()) {
            return new Mapped(calls, 0, 0, null);
        }
        if (!resourceSpans.isArray()) {
            throw new IllegalArgumentException("resourceSpans: must be an array");
        }
        for (int r = 0; r < resourceSpans.size(); r++) {
            JsonNode rs = resourceSpans.get(r);
            Map<String, JsonNode> resource = attributes(rs.path("resource").get("attributes"), "resourceSpans[" + r + "].resource.attributes");
            JsonNode scopeSpans = field(rs, "scopeSpans", "scope_spans");
            if (scopeSpans == null || scopeSpans.isNull()) {
                continue;
            }
            if (!scopeSpans.isArray()) {
                throw new IllegalArgumentException("resourceSpans[" + r + "].scopeSpans: must be an array");
            }
            for (int s = 0; s < scopeSpans.size(); s++) {
                JsonNode spans = scopeSpans.get(s).get("spans");
                if (spans == null || spans.isNull()) {
                    continue;
                }
                if (!spans.isArray()) {
                    throw new IllegalArgumentException("resourceSpans[" + r + "].scopeSpans[" + s + "].spans: must be an array");
                }
                for (int i = 0; i < spans.size(); i++) {
                    String path = "resourceSpans[" + r + "].scopeSpans[" + s + "].spans[" + i + "]";
                    JsonNode span = spans.get(i);
                    if (!span.isObject()) {
                        throw new IllegalArgumentException(path + ": must be a span object");
                    }
                    Map<String, JsonNode> attrs = attributes(span.get("attributes"), path + ".attributes");
                    if (!isGenAi(attrs)) {
                        skipped++;
                        continue;
                    }
                    try {
                        calls.add(call(span, attrs, resource));
                    } catch (IllegalArgumentException e) {
                        rejected++;
                        if (problem == null) {
                            problem = path + "." + e.getMessage();
                        }
                    }
                }
            }
        }
        return new Mapped(calls, rejected, skipped, problem);
    }

    private static boolean isGenAi(Map<String, JsonNode> attrs) {
        return attrs.containsKey("gen_ai.system") || attrs.containsKey("gen_ai.provider.name")
                || attrs.containsKey("gen_ai.request.model") || attrs.containsKey("gen_ai.operation.name")
                || attrs.containsKey("llm.model_name");
    }

    private static NewCall call(JsonNode span, Map<String, JsonNode> a, Map<String, JsonNode> resource) {
        String traceId = id(span, "traceId", "trace_id", TRACE_ID, true);
        String spanId = id(span, "spanId", "span_id", SPAN_ID, true);
        String parentId = id(span, "parentSpanId", "parent_span_id", SPAN_ID, false);
        Instant start = nanos(span, "startTimeUnixNano", "start_time_unix_nano");
        Instant end = nanos(span, "endTimeUnixNano", "end_time_unix_nano");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("endTimeUnixNano: must not be before startTimeUnixNano");
        }
        String provider = firstText(a, "gen_ai.provider.name", "gen_ai.system", "llm.provider", "llm.system");
        provider = provider == null ? "unknown" : PROVIDER_CHARS.matcher(provider.toLowerCase(Locale.ROOT)).replaceAll("_");
        if (provider.length() > 64) {
            provider = provider.substring(0, 64);
        }
        if (!Character.isLetterOrDigit(provider.charAt(0))) {
            provider = "x" + provider.substring(Math.min(1, provider.length()));
        }
        String model = firstText(a, "gen_ai.response.model", "gen_ai.request.model", "llm.model_name");
        model = model == null ? "unknown" : model.length() > 200 ? model.substring(0, 200) : model;

        long input = firstLong(a, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens", "llm.token_count.prompt");
        long output = firstLong(a, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens", "llm.token_count.completion");
        long cacheRead = firstLong(a, "gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens",
                "llm.token_count.prompt_details.cache_read");
        long cacheWrite = firstLong(a, "gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_write.input_tokens",
                "gen_ai.usage.cache_creation_input_tokens", "llm.token_count.prompt_details.cache_write");
        long reasoning = firstLong(a, "gen_ai.usage.reasoning.output_tokens", "llm.token_count.completion_details.reasoning");
        // the semantic conventions count cached tokens inside input_tokens; Argus keeps them apart
        long uncached = Math.max(0, input - cacheRead - cacheWrite);
        Usage usage = new Usage(uncached, output, cacheRead, cacheWrite, Math.min(reasoning, output));

        JsonNode status = span.path("status");
        int code = status.path("code").isTextual()
                ? (status.path("code").textValue().endsWith("ERROR") ? 2 : 0) : status.path("code").asInt(0);
        String errorType = firstText(a, "error.type");
        String statusText = "success";
        ErrorCategory category = null;
        String errorMessage = null;
        if (code == 2 || errorType != null) {
            statusText = "error";
            errorMessage = status.path("message").isTextual() && !status.path("message").textValue().isEmpty()
                    ? status.path("message").textValue() : errorType;
            Long httpStatus = longOrNull(a.get("http.response.status_code"));
            category = classify(errorType, errorMessage, httpStatus == null ? 0 : httpStatus.intValue());
        }

        JsonNode inputJson = jsonAttribute(a, "gen_ai.input.messages", "gen_ai.prompt", "input.value");
        JsonNode outputJson = jsonAttribute(a, "gen_ai.output.messages", "gen_ai.completion", "output.value");
        for (JsonNode event : span.path("events")) {
            Map<String, JsonNode> ea = attributes(event.get("attributes"), "events");
            String name = event.path("name").asText("");
            if (inputJson == null && name.equals("gen_ai.content.prompt")) {
                inputJson = jsonAttribute(ea, "gen_ai.prompt");
            } else if (outputJson == null && name.equals("gen_ai.content.completion")) {
                outputJson = jsonAttribute(ea, "gen_ai.completion");
            }
        }

        ObjectNode metadata = Json.MAPPER.createObjectNode();
        metadata.put("otel.span_name", span.path("name").asText(""));
        putText(metadata, "gen_ai.operation.name", firstText(a, "gen_ai.operation.name"));
        putText(metadata, "service.name", firstText(resource, "service.name"));
        JsonNode finish = a.get("gen_ai.response.finish_reasons");
        if (finish != null) {
            metadata.set("gen_ai.response.finish_reasons", finish);
        }
        putText(metadata, "gen_ai.response.id", firstText(a, "gen_ai.response.id"));
        String system = firstText(a, "gen_ai.system_instructions");
        putText(metadata, "gen_ai.system_instructions", system);

        Instant s = start.truncatedTo(ChronoUnit.MICROS);
        Instant e = end.truncatedTo(ChronoUnit.MICROS);
        long latency = ChronoUnit.MICROS.between(s, e) / 1000;
        return new NewCall(idFor(s, traceId, spanId), provider, model, statusText, category, errorMessage, null, s, e,
                latency, null, usage, firstText(a, "user.id", "enduser.id"), firstText(a, "gen_ai.conversation.id", "session.id"),
                traceId, spanId, parentId, null, null, List.of(), write(metadata),
                inputJson == null ? null : write(inputJson), outputJson == null ? null : write(outputJson), null,
                text(inputJson), text(outputJson));
    }

    private static ErrorCategory classify(String type, String message, int httpStatus) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("timeout")) {
            return ErrorCategory.TIMEOUT;
        }
        if (t.contains("ratelimit") || t.contains("rate_limit") || httpStatus == 429) {
            return ErrorCategory.RATE_LIMIT;
        }
        if (t.contains("auth") || httpStatus == 401 || httpStatus == 403) {
            return ErrorCategory.AUTH;
        }
        if (t.contains("context") || (message != null && message.toLowerCase(Locale.ROOT).contains("context length"))) {
            return ErrorCategory.CONTEXT_LENGTH;
        }
        if (t.contains("overload") || httpStatus == 529 || httpStatus == 503) {
            return ErrorCategory.OVERLOADED;
        }
        if (t.contains("connect") || t.contains("network")) {
            return ErrorCategory.NETWORK;
        }
        if (t.contains("cancel")) {
            return ErrorCategory.CANCELLED;
        }
        if (httpStatus >= 500) {
            return ErrorCategory.SERVER_ERROR;
        }
        if (httpStatus >= 400 || t.contains("badrequest") || t.contains("invalid")) {
            return ErrorCategory.INVALID_REQUEST;
        }
        return ErrorCategory.UNKNOWN;
    }

    /** The same span always maps to the same id (a retried export is a duplicate, not a second call). */
    private static UUID idFor(Instant start, String traceId, String spanId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((traceId + "/" + spanId).getBytes(StandardCharsets.US_ASCII));
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (h[i] & 0xFF);
                lo = (lo << 8) | (h[8 + i] & 0xFF);
            }
            long msb = (start.toEpochMilli() << 16) | (0x7L << 12) | (hi & 0xFFF);
            long lsb = (lo & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    /** An attribute holding JSON text (messages) is parsed; plain text stays a string. */
    private static JsonNode jsonAttribute(Map<String, JsonNode> a, String... keys) {
        for (String key : keys) {
            JsonNode v = a.get(key);
            if (v == null || v.isNull()) {
                continue;
            }
            if (v.isTextual()) {
                String text = v.textValue().strip();
                if (text.startsWith("[") || text.startsWith("{")) {
                    try {
                        return Json.MAPPER.readTree(text);
                    } catch (JsonProcessingException e) {
                        return v;
                    }
                }
            }
            return v;
        }
        return null;
    }

    /** The plain text of messages in either the classic ({@code content}) or current ({@code parts}) shape. */
    private static String text(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        StringBuilder out = new StringBuilder();
        List<JsonNode> messages = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(messages::add);
        } else {
            messages.add(value);
        }
        for (JsonNode m : messages) {
            List<JsonNode> parts = new ArrayList<>();
            JsonNode content = m.has("parts") ? m.get("parts") : m.get("content");
            if (content == null) {
                continue;
            }
            if (content.isArray()) {
                content.forEach(parts::add);
            } else {
                parts.add(content);
            }
            for (JsonNode p : parts) {
                JsonNode t = p.isTextual() ? p : p.has("content") ? p.get("content") : p.get("text");
                if (t != null && t.isTextual() && !t.textValue().isEmpty()) {
                    if (!out.isEmpty()) {
                        out.append('\n');
                    }
                    out.append(t.textValue());
                }
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode v = node.get(camel);
        return v != null ? v : node.get(snake);
    }

    private static String id(JsonNode span, String camel, String snake, Pattern format, boolean required) {
        JsonNode v = field(span, camel, snake);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
            if (required) {
                throw new IllegalArgumentException(camel + ": required");
            }
            return null;
        }
        if (!v.isTextual() || !format.matcher(v.textValue()).matches()) {
            throw new IllegalArgumentException(camel + ": must be " + (format == TRACE_ID ? 32 : 16) + " hex digits");
        }
        String id = v.textValue().toLowerCase(Locale.ROOT);
        if (id.chars().allMatch(c -> c == '0')) {
            if (required) {
                throw new IllegalArgumentException(camel + ": must not be all zeros");
            }
            return null;
        }
        return id;
    }

    private static Instant nanos(JsonNode span, String camel, String snake) {
        JsonNode v = field(span, camel, snake);
        Long n = longOrNull(v);
        if (n == null || n <= 0) {
            throw new IllegalArgumentException(camel + ": required, nanoseconds since the epoch");
        }
        Instant instant = Instant.ofEpochSecond(n / 1_000_000_000L, n % 1_000_000_000L);
        if (instant.isBefore(Instant.parse("2000-01-01T00:00:00Z")) || instant.isAfter(Instant.now().plus(1, ChronoUnit.DAYS))) {
            throw new IllegalArgumentException(camel + ": must be between 2000-01-01 and one day from now");
        }
        return instant;
    }

    private static Long longOrNull(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v.isNumber() ? (long) v.doubleValue() : null;
    }

    private static String firstText(Map<String, JsonNode> a, String... keys) {
        for (String key : keys) {
            JsonNode v = a.get(key);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue();
            }
        }
        return null;
    }

    private static long firstLong(Map<String, JsonNode> a, String... keys) {
        for (String key : keys) {
            Long v = longOrNull(a.get(key));
            if (v != null) {
                return Math.max(0, Math.min(v, 1_000_000_000_000L));
            }
        }
        return 0;
    }

    /** OTLP {@code KeyValue} list to key → plain JSON value (string, number, boolean, array). */
    static Map<String, JsonNode> attributes(JsonNode list, String path) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException(path + ": must be an array of {key, value}");
        }
        for (JsonNode kv : list) {
            JsonNode key = kv.get("key");
            if (key == null || !key.isTextual()) {
                throw new IllegalArgumentException(path + ": every attribute needs a string key");
            }
            out.put(key.textValue(), anyValue(kv.get("value")));
        }
        return out;
    }

    private static JsonNode anyValue(JsonNode v) {
        var f = Json.MAPPER.getNodeFactory();
        if (v == null || v.isNull()) {
            return f.nullNode();
        }
        if (v.has("stringValue")) {
            return v.get("stringValue");
        }
        if (v.has("intValue")) {
            Long n = longOrNull(v.get("intValue"));
            return n == null ? f.nullNode() : f.numberNode(n);
        }
        if (v.has("doubleValue")) {
            return f.numberNode(v.get("doubleValue").asDouble());
        }
        if (v.has("boolValue")) {
            return f.booleanNode(v.get("boolValue").asBoolean());
        }
        if (v.has("arrayValue")) {
            var array = f.arrayNode();
            for (JsonNode item : v.path("arrayValue").path("values")) {
                array.add(anyValue(item));
            }
            return array;
        }
        if (v.has("kvlistValue")) {
            ObjectNode object = f.objectNode();
            attributes(v.path("kvlistValue").get("values"), "kvlistValue").forEach(object::set);
            return object;
        }
        return f.nullNode();
    }
}
