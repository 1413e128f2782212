package dev.argus.plugins.alert.email;

import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** What the host hands the channel: settings bound through the channel's own schema, a real client. */
record HostContext(PluginConfig config, HttpClient httpClient, Clock clock, System.Logger logger)
        implements PluginContext {

    static HostContext of(ConfigSchema schema, Map<String, String> settings, Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new HostContext(schema.bind(settings), client, clock, System.getLogger("test"));
    }
}
