package dev.argus.core.auth;

import java.util.Locale;

/** What an API key may do. */
public enum ApiKeyScope {
    /** Send calls and traces (REST ingest, OTLP). */
    INGEST,
    /** Use the provider proxy. */
    PROXY,
    /** Read calls, metrics and evaluations. */
    READ;

    /** The wire name, e.g. {@code ingest}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
