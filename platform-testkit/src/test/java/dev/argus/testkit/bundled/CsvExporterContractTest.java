package dev.argus.testkit.bundled;

import dev.argus.api.exporter.Exporter;
import dev.argus.plugins.csv.CsvExporter;
import dev.argus.testkit.contract.ExporterContract;

/** The bundled CSV exporter passes the exporter contract. */
class CsvExporterContractTest extends ExporterContract {

    @Override
    protected Exporter newExtension() {
        return new CsvExporter();
    }
}
