package dev.argus.testkit.bundled;

import dev.argus.api.exporter.Exporter;
import dev.argus.plugins.json.JsonArrayExporter;
import dev.argus.plugins.json.NdjsonExporter;
import dev.argus.testkit.contract.ExporterContract;
import org.junit.jupiter.api.Nested;

/** Both extensions of the bundled exporter-json plugin pass the exporter contract. */
class JsonExportersContractTest {

    @Nested
    class JsonArray extends ExporterContract {
        @Override
        protected Exporter newExtension() {
            return new JsonArrayExporter();
        }
    }

    @Nested
    class Ndjson extends ExporterContract {
        @Override
        protected Exporter newExtension() {
            return new NdjsonExporter();
        }
    }
}
