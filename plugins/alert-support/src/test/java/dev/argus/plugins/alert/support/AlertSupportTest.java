package dev.argus.plugins.alert.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlertSupportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStringOfRandomCharactersRoundTripsThroughAJsonParser() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                // bias towards the characters that need escaping
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x30) : (char) random.nextInt(0xD000));
            }
            String original = text.toString();
            JsonNode parsed = JSON.readTree(new JsonObjectBuilder().put("s", original)
                    .put("list", new JsonArrayBuilder().add(original)).toString());
            assertEquals(original, parsed.get("s").asText());
            assertEquals(original, parsed.get("list").get(0).asText());
        }
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() throws Exception {
        String parsed = JSON.readTree(new JsonObjectBuilder().put("s", "a\uD800b😀").toString()).get("s").asText();
        assertEquals("a\uFFFDb😀", parsed);
    }

    @Test
    void numbersAreWrittenAsJsonNumbersOrNull() throws Exception {
        JsonNode parsed = JSON.readTree(new JsonObjectBuilder().put("int", 3.0).put("frac", 0.125)
                .put("big", 1e20).put("nan", Double.NaN).put("count", 42L).put("flag", true).toString());
        assertEquals("3", parsed.get("int").toString());
        assertEquals(0.125, parsed.get("frac").asDouble());
        assertEquals(1e20, parsed.get("big").asDouble());
        assertEquals(true, parsed.get("nan").isNull());
        assertEquals(42, parsed.get("count").asLong());
        assertEquals(true, parsed.get("flag").asBoolean());
    }

    @Test
    void numbersForPeopleAreShortAndPlain() {
        assertEquals("1500", AlertWording.number(1500));
        assertEquals("0.125", AlertWording.number(0.125));
        assertEquals("2310.57", AlertWording.number(2310.5678));
        assertEquals("0.1", AlertWording.number(0.1));
        assertEquals("n/a", AlertWording.number(Double.NaN));
    }

    @Test
    void theRedactorMasksEverySecretAndTheSecretPartsOfAUrl() {
        SecretRedactor redactor = SecretRedactor.of(List.of("hunter22", "", "ab"));
        assertEquals("login *** failed, ab stays", redactor.redact("login hunter22 failed, ab stays"));
        assertNull(redactor.redact(null));
        URI hook = URI.create("https://hooks.slack.com/services/T1/B2/tok3n?x=secretq");
        SecretRedactor urls = SecretRedactor.of(SecretRedactor.secretPartsOf(hook));
        assertEquals("posting to *** failed; path *** query ***",
                urls.redact("posting to " + hook + " failed; path /services/T1/B2/tok3n query x=secretq"));
    }
}
