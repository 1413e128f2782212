package dev.argus.testkit.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.testkit.ArgusClient;
import dev.argus.testkit.ArgusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled evaluator-text-metrics jar, loaded by a real Argus through @ArgusTest and used over the REST API. */
@ArgusTest(plugins = "target/test-plugins/evaluator-text-metrics.jar")
class TextMetricsInArgusTest {

    @Test
    void thePluginIsLoadedFromItsJar(ArgusClient argus) {
        JsonNode plugin = argus.plugin("evaluator-text-metrics").orElseThrow();
        assertEquals("started", plugin.path("state").asText(), plugin.toString());
        assertEquals("evaluator-text-metrics.jar", plugin.path("jar").asText());
        assertEquals("active", argus.extension("evaluator", "bleu").orElseThrow().path("state").asText());
    }

    @Test
    void scoresThroughTheEvaluationsApi(ArgusClient argus) {
        JsonNode done = argus.evaluate("bleu", Map.of(), List.of(
                Map.of("output", "the cat sat on the mat", "reference", "the cat sat on the mat"),
                Map.of("output", "completely different words here", "reference", "the cat sat on the mat")));
        assertEquals("completed", done.path("status").asText(), done.toString());
        JsonNode items = done.path("items");
        assertEquals(1.0, items.get(0).path("score").path("value").asDouble(), 1e-9);
        assertTrue(items.get(1).path("score").path("value").asDouble() < 0.5, items.get(1).toString());
    }

    @Test
    void theKeyHasEveryScopeAndBelongsToTheTestProject(ArgusClient argus) {
        assertNotNull(argus.projectId());
        assertTrue(argus.apiKey().startsWith("sk-"));
        // read, ingest and evaluate need different scopes
        argus.get("/api/v1/calls").ok();
        JsonNode ingested = argus.post("/api/v1/ingest", Map.of("calls", List.of(Map.of("provider", "openai",
                "model", "gpt-4o-mini", "latency_ms", 120, "started_at", java.time.Instant.now().minusSeconds(5).toString(),
                "input", "hi", "output", "hello")))).ok();
        assertEquals(1, ingested.path("ids").size(), ingested.toString());
    }

    @Test
    void theAdminClientMayReloadPlugins(ArgusClient argus) {
        assertEquals(403, argus.post("/api/v1/plugins/reload", "{}").status(), "an API key may not reload plugins");
        JsonNode reloaded = argus.asAdmin().post("/api/v1/plugins/reload", "{}").ok();
        assertTrue(reloaded.path("loaded").isArray(), reloaded.toString());
    }
}
