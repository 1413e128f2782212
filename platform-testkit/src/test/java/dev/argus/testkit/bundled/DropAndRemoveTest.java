package dev.argus.testkit.bundled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.testkit.ArgusClient;
import dev.argus.testkit.ArgusTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An Argus started with an empty plugins folder loads a dropped jar and unloads it when the jar goes. */
@ArgusTest(plugins = {})
class DropAndRemoveTest {

    @Test
    void aDroppedJarIsLoadedAndARemovedOneUnloaded(ArgusClient argus) {
        assertTrue(argus.plugin("exporter-json").isEmpty(), "the plugins folder should start empty");
        Path jar = Path.of(System.getProperty("argus.test.plugins"), "exporter-json.jar");
        JsonNode plugin = argus.installPlugin(jar);
        assertEquals("exporter-json", plugin.path("id").asText());
        assertEquals("started", plugin.path("state").asText(), plugin.toString());
        assertEquals("active", argus.extension("exporter", "ndjson").orElseThrow().path("state").asText());

        argus.removePlugin("exporter-json");
        assertTrue(argus.extension("exporter", "ndjson").isEmpty(), "ndjson is still listed after its jar was removed");
    }
}
