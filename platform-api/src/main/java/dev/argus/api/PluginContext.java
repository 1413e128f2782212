package dev.argus.api;

import java.net.http.HttpClient;
import java.time.Clock;

/**
 * What the host hands to an extension in {@link ArgusExtension#init(PluginContext)}. Extensions may
 * keep the context and use it for their whole life.
 */
public interface PluginContext {

    /** The extension's configuration, already validated against its {@link ConfigSchema}. */
    PluginConfig config();

    /** A shared HTTP client (HTTP/1.1 and HTTP/2, redirects off); prefer it to creating one. */
    HttpClient httpClient();

    /** The clock to use for timestamps, replaceable in tests. */
    Clock clock();

    /** A logger named after the extension. Never log secrets. */
    System.Logger logger();
}
