package dev.argus.testkit.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.testkit.ArgusClient;
import dev.argus.testkit.ArgusTest;
import org.junit.jupiter.api.Test;

/** @ArgusTest(settings) reach the extensions as conf/argus.yaml would, including values YAML would misread. */
@ArgusTest(plugins = "target/test-plugins/evaluator-text-metrics.jar",
        settings = {"bleu.max_ngram_order=not a number: \"quoted\"", "rouge-l.use_stemmer=true"})
class SettingsInArgusTest {

    @Test
    void anInvalidSettingMakesTheExtensionMisconfigured(ArgusClient argus) {
        JsonNode bleu = argus.extension("evaluator", "bleu").orElseThrow();
        assertEquals("misconfigured", bleu.path("state").asText(), bleu.toString());
        assertTrue(bleu.path("problem").asText().contains("max_ngram_order"), bleu.toString());
    }

    @Test
    void aValidSettingLeavesItActive(ArgusClient argus) {
        assertEquals("active", argus.extension("evaluator", "rouge-l").orElseThrow().path("state").asText());
    }
}
