package dev.argus.plugins.testkit;

import dev.argus.api.ArgusExtension;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Initialises an extension the way the host does: settings bound by its schema, a real HTTP client. */
public final class TestContext {

    private TestContext() {
    }

    /** Binds {@code settings} through the extension's schema and calls {@code init}. */
    public static <T extends ArgusExtension> T init(T extension, Map<String, String> settings, Clock clock) {
        PluginConfig config = extension.configSchema().bind(settings);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        extension.init(new PluginContext() {
            @Override
            public PluginConfig config() {
                return config;
            }

            @Override
            public HttpClient httpClient() {
                return http;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public System.Logger logger() {
                return System.getLogger("test." + extension.id());
            }
        });
        return extension;
    }
}
