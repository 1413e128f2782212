/** Exporters: write recorded calls to a stream in a file format (CSV, JSON, …). */
package dev.argus.api.exporter;
