package dev.argus.plugins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.plugins.testkit.WireSamples;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsEveryValueType() {
        JsonValue v = Json.read(" {\"s\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\",\"i\":-42,\"big\":123456789012345678901234,"
                + "\"d\":1.5e3,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[2],{}],\"o\":{\"k\":\"v\"}} ");
        assertEquals("a\"b\\c\né😀", v.get("s").asText());
        assertEquals(-42L, v.get("i").raw());
        assertEquals(new BigDecimal("123456789012345678901234"), v.get("big").raw());
        assertEquals(new BigDecimal("1.5e3"), v.get("d").raw());
        assertEquals(1500, v.get("d").asLong(-1));
        assertTrue(v.get("t").asBoolean(false));
        assertTrue(v.get("n").isMissing());
        assertEquals(2L, v.get("a").at(1).at(0).raw());
        assertEquals("v", v.get("o").get("k").asText());
        assertTrue(v.get("nope").get("deeper").at(3).isMissing());
    }

    @Test
    void rejectsInvalidDocumentsWithTheirOffset() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1,]", "01", "1.", "-", "\"\u0001\"", "\"\\x\"", "tru",
                "{\"a\" 1}", "{} {}", "[1 2]", "\"abc", "{'a':1}", "NaN")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid JSON at offset"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[".repeat(300) + "]".repeat(300)));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", "gpt");
        body.put("text", "line\n\"quoted\" \t tab \u0007 bell");
        body.put("temperature", 0.25);
        body.put("max", 10);
        body.put("whole", 2.0);
        body.put("list", List.of(true, false));
        body.put("none", null);
        String json = Json.write(body);
        assertEquals("{\"model\":\"gpt\",\"text\":\"line\\n\\\"quoted\\\" \\t tab \\u0007 bell\",\"temperature\":0.25,"
                + "\"max\":10,\"whole\":2,\"list\":[true,false],\"none\":null}", json);
        assertEquals(body.get("text"), Json.read(json).get("text").asText());
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
    }

    @Test
    void roundTripsEveryWireSample() {
        for (String file : List.of("openai_chat_completions.json", "openai_errors_and_ratelimits.json",
                "anthropic_messages.json", "anthropic_errors_and_ratelimits.json", "ollama.json")) {
            Object parsed = Json.parse(WireSamples.text(file));
            assertEquals(parsed, Json.parse(Json.write(parsed)), file);
        }
    }

    @Test
    void trailingSpacesInsideAnthropicEventsAreFine() {
        JsonValue v = Json.read("{\"type\":\"message_stop\"              }");
        assertEquals("message_stop", v.get("type").asText());
        assertNull(v.get("type").get("x").asText());
    }
}
