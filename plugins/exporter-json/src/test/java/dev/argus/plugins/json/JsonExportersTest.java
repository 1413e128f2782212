package dev.argus.plugins.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.api.LlmCall;
import dev.argus.api.Usage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonExportersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NASTY = "quote \" backslash \\ newline \n tab \t nul-ish \u0001 emoji \uD83D\uDE00 lone \uD800 end";

    private static LlmCall call(int n) {
        return new LlmCall(UUID.randomUUID(), "anthropic", "claude-sonnet-4-5", "success", null, null,
                Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-28T10:00:02Z"), 2000, null,
                new Usage(n, 2, 0, 4, 0), new BigDecimal("0.000123"), null, "s" + n, null, null, null, null,
                List.of("t"), Map.of("nested", Map.of("list", List.of(1, true, "x")), "text", NASTY), NASTY, "out");
    }

    @Test
    void arrayIsValidJsonWithEveryCall() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonArrayExporter().export(Stream.of(call(1), call(2)), out);
        JsonNode array = JSON.readTree(out.toByteArray());
        assertEquals(2, array.size());
        assertEquals(NASTY.replace("\uD800", "\uFFFD").length(), array.get(0).path("input_text").asText().length());
        assertEquals("s2", array.get(1).path("session_id").asText());
        assertEquals(4, array.get(1).path("usage").path("cache_write_input_tokens").asInt());
        assertEquals("0.000123", array.get(0).path("cost_usd").decimalValue().toPlainString());
        assertEquals("x", array.get(0).path("metadata").path("nested").path("list").get(2).asText());
    }

    @Test
    void emptyArray() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonArrayExporter().export(Stream.empty(), out);
        assertEquals(0, JSON.readTree(out.toByteArray()).size());
    }

    @Test
    void ndjsonHasOneDocumentPerLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new NdjsonExporter().export(Stream.of(call(1), call(2), call(3)), out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        for (int i = 0; i < 3; i++) {
            JsonNode node = JSON.readTree(lines[i]);
            assertEquals(i + 1, node.path("usage").path("input_tokens").asInt());
            assertTrue(node.path("error").isNull());
        }
    }
}
