package com.example.argus.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.testkit.ArgusClient;
import dev.argus.testkit.ArgusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged jar in a real Argus (started by the test kit), used through the REST API. */
@ArgusTest
class PiiEvaluatorIT {

    @Test
    void argusLoadsThePlugin(ArgusClient argus) {
        JsonNode plugin = argus.plugin("evaluator-pii").orElseThrow();
        assertEquals("started", plugin.path("state").asText(), plugin.toString());
        assertEquals("active", argus.extension("evaluator", "pii").orElseThrow().path("state").asText());
    }

    @Test
    void evaluationsScoreEachAnswer(ArgusClient argus) {
        JsonNode done = argus.evaluate("pii", Map.of(), List.of(
                Map.of("output", "The capital of France is Paris."),
                Map.of("output", "Send it to DE89 3704 0044 0532 0130 00.")));
        assertEquals("completed", done.path("status").asText(), done.toString());
        assertEquals(1.0, done.path("items").get(0).path("score").path("value").asDouble());
        JsonNode flagged = done.path("items").get(1).path("score");
        assertEquals(0.0, flagged.path("value").asDouble());
        assertEquals("DE89**************3000", flagged.path("details").path("findings").get(0).path("masked").asText());
    }

    @Test
    void perEvaluationSettingsChooseTheDetectors(ArgusClient argus) {
        JsonNode done = argus.evaluate("pii", Map.of("detectors", "email"),
                List.of(Map.of("output", "Card 4111 1111 1111 1111")));
        assertEquals(1.0, done.path("items").get(0).path("score").path("value").asDouble(), done.toString());
        assertEquals(400, argus.post("/api/v1/evaluations", Map.of("evaluator", "pii",
                "config", Map.of("scan_input", "maybe"), "items", List.of(Map.of("output", "x")))).status());
    }

    @Test
    void anUnknownDetectorFailsTheItemsNamingIt(ArgusClient argus) {
        JsonNode done = argus.evaluate("pii", Map.of("detectors", "ssn"), List.of(Map.of("output", "x")));
        assertEquals("completed_with_errors", done.path("status").asText(), done.toString());
        assertTrue(done.path("items").get(0).path("error").asText().contains("unknown detector 'ssn'"), done.toString());
    }
}
