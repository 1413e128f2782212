package dev.argus.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.api.ErrorCategory;
import dev.argus.api.Usage;
import dev.argus.core.server.Json;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Validates an ingest batch {@code {"calls":[…]}} and normalises each call to a {@link NewCall}.
 * Every problem names its field as a JSON path with the call's index; any problem rejects the whole
 * batch.
 */
public final class CallParser {

    /** Most calls one request may carry. */
    public static final int MAX_BATCH = 1000;
    static final int MAX_PROBLEMS = 20;
    private static final int MAX_ID_LENGTH = 256;
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_LENGTH = 100;
    private static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "provider", "model", "started_at", "ended_at",
            "latency_ms", "time_to_first_token_ms", "status", "error", "input", "output", "usage", "user_id",
            "session_id", "trace_id", "span_id", "parent_span_id", "prompt", "tags", "metadata", "rate_limit");
    private static final Set<String> USAGE_FIELDS = Set.of("input_tokens", "output_tokens",
            "cache_read_input_tokens", "cache_write_input_tokens", "reasoning_tokens");

    /** Parses a whole batch; throws {@link InvalidCallException} when anything is wrong. */
    public List<NewCall> parseBatch(JsonNode body) {
        List<InvalidCallException.Problem> problems = new ArrayList<>();
        if (!body.isObject()) {
            throw new InvalidCallException(List.of(new InvalidCallException.Problem(-1, "$", "must be an object {\"calls\":[…]}")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("calls")) {
                problems.add(new InvalidCallException.Problem(-1, name, "unknown field"));
            }
        }
        JsonNode calls = body.get("calls");
        if (calls == null || !calls.isArray()) {
            problems.add(new InvalidCallException.Problem(-1, "calls", "required, an array of calls"));
        } else if (calls.isEmpty()) {
            problems.add(new InvalidCallException.Problem(-1, "calls", "must hold at least one call"));
        } else if (calls.size() > MAX_BATCH) {
            problems.add(new InvalidCallException.Problem(-1, "calls", "at most " + MAX_BATCH + " calls per request, got " + calls.size()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCallException(problems);
        }
        List<NewCall> result = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size() && problems.size() < MAX_PROBLEMS; i++) {
            Item item = new Item(i, calls.get(i), problems);
            NewCall call = item.parse();
            if (call != null) {
                result.add(call);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCallException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
        return result;
    }

    /** The plain text of an "input": a string, or chat messages joined by newlines. */
    static String inputText(JsonNode input) {
        if (input == null || input.isNull()) {
            return null;
        }
        if (input.isTextual()) {
            return input.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode message : input) {
            String content = contentText(message.get("content"));
            if (content == null || content.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(content);
        }
        return text.toString();
    }

    /** The plain text of an "output": a string or a message. */
    static String outputText(JsonNode output) {
        if (output == null || output.isNull()) {
            return null;
        }
        if (output.isTextual()) {
            return output.textValue();
        }
        return contentText(output.get("content"));
    }

    /** Message content: a string, or an array of parts whose "text" parts are joined. */
    private static String contentText(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode value = part.isTextual() ? part : part.get("text");
            if (value != null && value.isTextual()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(value.textValue());
            }
        }
        return text.toString();
    }

    /** Validation of one call, collecting problems instead of stopping at the first. */
    private static final class Item {
        private final int index;
        private final JsonNode node;
        private final List<InvalidCallException.Problem> problems;
        private final int before;

        Item(int index, JsonNode node, List<InvalidCallException.Problem> problems) {
            this.index = index;
            this.node = node;
            this.problems = problems;
            this.before = problems.size();
        }

        private void problem(String field, String message) {
            problems.add(new InvalidCallException.Problem(index, "calls[" + index + "]" + (field.isEmpty() ? "" : "." + field), message));
        }

        NewCall parse() {
            if (node == null || !node.isObject()) {
                problem("", "must be an object");
                return null;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    problem(name, "unknown field");
                }
            }
            noNulChars(node, "");
            UUID id = uuid("id");
            String provider = string("provider", 64, true);
            if (provider != null && !PROVIDER.matcher(provider).matches()) {
                problem("provider", "must be a lower-case provider id such as openai (letters, digits, . _ -)");
            }
            String model = string("model", 200, true);
            Instant startedAt = instant("started_at", true);
            Instant endedAt = instant("ended_at", false);
            Long latency = nonNegative(node, "latency_ms");
            Long ttft = nonNegative(node, "time_to_first_token_ms");
            if (startedAt != null && endedAt == null && latency == null) {
                problem("ended_at", "either ended_at or latency_ms is required");
            }
            if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
                problem("ended_at", "must not be before started_at");
            }
            long latencyMs = latency != null ? latency
                    : startedAt != null && endedAt != null ? ChronoUnit.MICROS.between(startedAt, endedAt) / 1000 : 0;
            if (startedAt != null && endedAt == null && latency != null) {
                endedAt = startedAt.plusMillis(latency);
            }
            if (ttft != null && ttft > latencyMs && (latency != null || endedAt != null)) {
                problem("time_to_first_token_ms", "must not exceed the call's latency (" + latencyMs + " ms)");
            }

            ErrorCategory category = null;
            String errorMessage = null;
            Integer httpStatus = null;
            JsonNode error = node.get("error");
            if (error != null && !error.isNull()) {
                if (!error.isObject()) {
                    problem("error", "must be an object {\"category\",\"message\",\"http_status\"}");
                } else {
                    for (Iterator<String> names = error.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        if (!Set.of("category", "message", "http_status").contains(name)) {
                            problem("error." + name, "unknown field");
                        }
                    }
                    JsonNode c = error.get("category");
                    if (c == null || !c.isTextual()) {
                        problem("error.category", "required, one of " + categoryNames());
                    } else {
                        try {
                            category = ErrorCategory.fromWireName(c.textValue());
                        } catch (IllegalArgumentException e) {
                            problem("error.category", "unknown category '" + c.textValue() + "', expected one of " + categoryNames());
                        }
                    }
                    JsonNode m = error.get("message");
                    if (m != null && !m.isNull()) {
                        if (!m.isTextual()) {
                            problem("error.message", "must be a string");
                        } else {
                            errorMessage = m.textValue().length() > 10_000 ? m.textValue().substring(0, 10_000) : m.textValue();
                        }
                    }
                    JsonNode h = error.get("http_status");
                    if (h != null && !h.isNull()) {
                        if (!h.canConvertToInt() || !h.isIntegralNumber() || h.intValue() < 100 || h.intValue() > 599) {
                            problem("error.http_status", "must be an HTTP status between 100 and 599");
                        } else {
                            httpStatus = h.intValue();
                        }
                    }
                }
            }
            String status = string("status", 16, false);
            if (status == null) {
                status = error != null && !error.isNull() ? "error" : "success";
            } else if (!Set.of("success", "error", "cancelled").contains(status)) {
                problem("status", "must be success, error or cancelled");
            }
            if ("error".equals(status) && (error == null || error.isNull())) {
                problem("error", "required when status is error");
            }
            if ("success".equals(status) && error != null && !error.isNull()) {
                problem("error", "must be absent when status is success");
            }
            if ("cancelled".equals(status) && category == null) {
                category = ErrorCategory.CANCELLED;
            }

            JsonNode input = node.get("input");
            if (input != null && !input.isNull() && !input.isTextual() && !isMessages(input)) {
                problem("input", "must be a string or an array of chat messages {\"role\",\"content\"}");
            }
            JsonNode output = node.get("output");
            if (output != null && !output.isNull() && !output.isTextual() && !isMessage(output)) {
                problem("output", "must be a string or a message {\"role\",\"content\"}");
            }
            Usage usage = usage();
            String userId = string("user_id", MAX_ID_LENGTH, false);
            String sessionId = string("session_id", MAX_ID_LENGTH, false);
            String traceId = string("trace_id", MAX_ID_LENGTH, false);
            String spanId = string("span_id", MAX_ID_LENGTH, false);
            String parentSpanId = string("parent_span_id", MAX_ID_LENGTH, false);
            String promptName = null;
            Integer promptVersion = null;
            JsonNode prompt = node.get("prompt");
            if (prompt != null && !prompt.isNull()) {
                if (!prompt.isObject()) {
                    problem("prompt", "must be an object {\"name\",\"version\"}");
                } else {
                    for (Iterator<String> names = prompt.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        if (!Set.of("name", "version").contains(name)) {
                            problem("prompt." + name, "unknown field");
                        }
                    }
                    JsonNode n = prompt.get("name");
                    if (n == null || !n.isTextual() || n.textValue().isBlank() || n.textValue().length() > 200) {
                        problem("prompt.name", "required, a non-empty string of at most 200 characters");
                    } else {
                        promptName = n.textValue();
                    }
                    JsonNode v = prompt.get("version");
                    if (v != null && !v.isNull()) {
                        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 1) {
                            problem("prompt.version", "must be a positive integer");
                        } else {
                            promptVersion = v.intValue();
                        }
                    }
                }
            }
            List<String> tags = tags();
            String metadata = "{}";
            JsonNode meta = node.get("metadata");
            if (meta != null && !meta.isNull()) {
                if (!meta.isObject()) {
                    problem("metadata", "must be an object");
                } else {
                    metadata = json(meta);
                    if (metadata.length() > MAX_METADATA_BYTES) {
                        problem("metadata", "must be at most " + MAX_METADATA_BYTES + " bytes of JSON");
                    }
                }
            }
            JsonNode rateLimit = node.get("rate_limit");
            if (rateLimit != null && !rateLimit.isNull() && !rateLimit.isObject()) {
                problem("rate_limit", "must be an object");
            }
            if (problems.size() > before) {
                return null;
            }
            Instant start = startedAt.truncatedTo(ChronoUnit.MICROS);
            Instant end = endedAt.truncatedTo(ChronoUnit.MICROS);
            return new NewCall(id != null ? id : UuidV7.at(start), provider, model, status, category, errorMessage,
                    httpStatus, start, end, latencyMs, ttft, usage, userId, sessionId, traceId, spanId,
                    parentSpanId, promptName, promptVersion, tags, metadata,
                    present(input) ? json(input) : null, present(output) ? json(output) : null,
                    present(rateLimit) ? json(rateLimit) : null, inputText(input), outputText(output));
        }

        private static boolean present(JsonNode value) {
            return value != null && !value.isNull();
        }

        private static boolean isMessages(JsonNode input) {
            if (!input.isArray()) {
                return false;
            }
            for (JsonNode message : input) {
                if (!isMessage(message)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isMessage(JsonNode message) {
            return message.isObject() && message.path("role").isTextual()
                    && (message.path("content").isTextual() || message.path("content").isArray()
                    || message.path("content").isNull() || message.path("content").isMissingNode());
        }

        private Usage usage() {
            JsonNode usage = node.get("usage");
            if (usage == null || usage.isNull()) {
                return Usage.ZERO;
            }
            if (!usage.isObject()) {
                problem("usage", "must be an object of token counts");
                return Usage.ZERO;
            }
            for (Iterator<String> names = usage.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!USAGE_FIELDS.contains(name)) {
                    problem("usage." + name, "unknown field (known: " + String.join(", ", USAGE_FIELDS.stream().sorted().toList()) + ")");
                }
            }
            long[] counts = new long[5];
            String[] names = {"input_tokens", "output_tokens", "cache_read_input_tokens", "cache_write_input_tokens", "reasoning_tokens"};
            for (int i = 0; i < names.length; i++) {
                JsonNode value = usage.get(names[i]);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                        || value.longValue() > 1_000_000_000_000L) {
                    problem("usage." + names[i], "must be a non-negative integer");
                } else {
                    counts[i] = value.longValue();
                }
            }
            if (counts[4] > counts[1]) {
                problem("usage.reasoning_tokens", "must not exceed output_tokens (reasoning tokens are part of the output)");
                return Usage.ZERO;
            }
            return new Usage(counts[0], counts[1], counts[2], counts[3], counts[4]);
        }

        private List<String> tags() {
            JsonNode tags = node.get("tags");
            if (tags == null || tags.isNull()) {
                return List.of();
            }
            if (!tags.isArray()) {
                problem("tags", "must be an array of strings");
                return List.of();
            }
            if (tags.size() > MAX_TAGS) {
                problem("tags", "at most " + MAX_TAGS + " tags");
            }
            Set<String> result = new LinkedHashSet<>();
            for (int i = 0; i < tags.size(); i++) {
                JsonNode tag = tags.get(i);
                if (!tag.isTextual() || tag.textValue().isBlank() || tag.textValue().length() > MAX_TAG_LENGTH) {
                    problem("tags[" + i + "]", "must be a non-empty string of at most " + MAX_TAG_LENGTH + " characters");
                } else {
                    result.add(tag.textValue());
                }
            }
            return List.copyOf(result);
        }

        private String string(String field, int maxLength, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(field, "required");
                }
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be a string");
                return null;
            }
            String text = value.textValue();
            if (required && text.isBlank()) {
                problem(field, "must not be empty");
                return null;
            }
            if (text.length() > maxLength) {
                problem(field, "must be at most " + maxLength + " characters");
                return null;
            }
            return text;
        }

        private UUID uuid(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be a UUID string");
                return null;
            }
            try {
                UUID id = UUID.fromString(value.textValue());
                if (!id.toString().equalsIgnoreCase(value.textValue())) {
                    throw new IllegalArgumentException();
                }
                return id;
            } catch (IllegalArgumentException e) {
                problem(field, "must be a UUID such as 0190f5b2-7c4e-7a4b-9c1d-2f3e4a5b6c7d");
                return null;
            }
        }

        private Instant instant(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(field, "required, an ISO-8601 time with offset, e.g. 2026-11-28T10:15:30.250Z");
                }
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be an ISO-8601 time string");
                return null;
            }
            try {
                Instant instant = OffsetDateTime.parse(value.textValue()).toInstant();
                if (instant.isBefore(Instant.parse("2000-01-01T00:00:00Z"))
                        || instant.isAfter(Instant.now().plus(1, ChronoUnit.DAYS))) {
                    problem(field, "must be between 2000-01-01 and one day from now");
                    return null;
                }
                return instant;
            } catch (DateTimeParseException e) {
                problem(field, "must be an ISO-8601 time with offset, e.g. 2026-11-28T10:15:30.250Z");
                return null;
            }
        }

        private Long nonNegative(JsonNode parent, String field) {
            JsonNode value = parent.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                    || value.longValue() > 86_400_000L * 7) {
                problem(field, "must be a non-negative integer of milliseconds (at most 7 days)");
                return null;
            }
            return value.longValue();
        }

        /** PostgreSQL text and JSONB cannot hold U+0000; reject it with its path instead of failing later. */
        private void noNulChars(JsonNode value, String path) {
            if (value.isTextual()) {
                if (value.textValue().indexOf('\u0000') >= 0) {
                    problem(path, "must not contain the NUL character (\\u0000)");
                }
            } else if (value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                    if (e.getKey().indexOf('\u0000') >= 0) {
                        problem(path, "keys must not contain the NUL character (\\u0000)");
                    }
                    noNulChars(e.getValue(), child);
                }
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    noNulChars(value.get(i), path + "[" + i + "]");
                }
            }
        }
    }

    private static String json(JsonNode value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String categoryNames() {
        List<String> names = new ArrayList<>();
        for (ErrorCategory c : ErrorCategory.values()) {
            names.add(c.wireName());
        }
        return String.join(", ", names).toLowerCase(Locale.ROOT);
    }
}
