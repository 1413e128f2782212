package dev.argus.testkit.contract;

import dev.argus.api.ErrorCategory;
import dev.argus.api.LlmCall;
import dev.argus.api.Usage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recorded calls as the host hands them to exporters, including the awkward ones: absent optional
 * fields, errors, quotes, separators, line breaks, non-Latin text, nested metadata.
 */
public final class SampleCalls {

    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");

    private SampleCalls() {
    }

    /** A dozen calls that differ in every way an exporter has to handle. */
    public static List<LlmCall> varied() {
        List<LlmCall> calls = new ArrayList<>();
        calls.add(call(1, "openai", "gpt-4o-mini", "What is 2+2?", "4", Map.of()));
        calls.add(call(2, "anthropic", "claude-sonnet-4", "Quote: \"hello\", then a comma, then a ;",
                "He said \"hi\",\nthen left;\r\nthe end", Map.of("customer", "ACME, Inc.")));
        calls.add(call(3, "ollama", "llama3.2", "Übersetze „Grüße“ — 東京 — emoji 🚀", "Grüße aus Köln 🚀",
                Map.of("nested", Map.of("list", List.of(1, 2.5, true), "null_free", "yes"))));
        calls.add(new LlmCall(id(4), "openai", "gpt-4o", "error", ErrorCategory.RATE_LIMIT, "Rate limit reached",
                T0.plusSeconds(4), T0.plusSeconds(4).plusMillis(120), 120, null, Usage.ZERO, null, null, null, null,
                null, null, null, List.of(), Map.of(), "ping", ""));
        calls.add(new LlmCall(id(5), "mock", "mock-1", "cancelled", null, null, T0.plusSeconds(5),
                T0.plusSeconds(5).plusMillis(10), 10, 5L, Usage.of(3, 0), null, null, null, null, null, null, null,
                List.of(), Map.of(), "", ""));
        calls.add(new LlmCall(id(6), "openai", "o3", "success", null, null, T0.plusSeconds(6),
                T0.plusSeconds(8), 2000, 350L, new Usage(1200, 800, 300, 40, 500), new BigDecimal("0.0123456"),
                "user-42", "session-7", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "support-answer", 3,
                List.of("prod", "tag with space", "comma,tag"), Map.of("score", 0.5, "flag", false),
                "Explain\ttabs and\\backslashes", "Tabs\tand\\backslashes explained"));
        calls.add(call(7, "openai", "gpt-4o-mini", "", "", Map.of()));
        calls.add(call(8, "openai", "gpt-4o-mini", "x".repeat(10_000), "y".repeat(10_000), Map.of()));
        calls.add(call(9, "anthropic", "claude-haiku", "control \u0001 char", "null \u0000 byte", Map.of()));
        calls.add(call(10, "openai", "gpt-4o-mini", "<b>html</b> & entities &amp;", "</script>", Map.of("k", "<v>")));
        calls.add(call(11, "openai", "gpt-4o-mini", "=SUM(A1:A2)", "+cmd|' /C calc'!A0", Map.of()));
        calls.add(call(12, "openai", "gpt-4o-mini", "right-to-left: שלום", "مرحبا", Map.of("lang", "he")));
        return List.copyOf(calls);
    }

    /** A small, ordinary successful call; {@code n} makes its id and times distinct. */
    public static LlmCall simple(long n) {
        return call(n, "openai", "gpt-4o-mini", "Question number " + n, "Answer number " + n, Map.of());
    }

    private static LlmCall call(long n, String provider, String model, String input, String output,
                                Map<String, Object> metadata) {
        Instant start = T0.plusSeconds(n);
        return new LlmCall(id(n), provider, model, "success", null, null, start, start.plusMillis(250 + n), 250 + n,
                null, Usage.of(10 + n, 20 + n), new BigDecimal("0.0001"), null, null, null, null, null, null,
                List.of(), new LinkedHashMap<>(metadata), input, output);
    }

    /** The same id for the same {@code n} in every run. */
    private static UUID id(long n) {
        return UUID.nameUUIDFromBytes(("sample-call-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
