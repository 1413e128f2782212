package dev.argus.core.plugins;

import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import java.net.http.HttpClient;
import java.time.Clock;

/** The context core hands to each extension. */
record HostPluginContext(PluginConfig config, HttpClient httpClient, Clock clock, System.Logger logger)
        implements PluginContext {
}
