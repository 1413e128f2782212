package dev.argus.testkit.contract;

import dev.argus.api.ArgusExtension;
import dev.argus.api.PluginConfig;
import dev.argus.api.PluginContext;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Initialises an extension the way the host does: settings validated and defaulted by the
 * extension's own schema, a real HTTP client with redirects off, a clock and a logger.
 */
public final class TestContext {

    private TestContext() {
    }

    /** Binds {@code settings} through the extension's schema and calls {@code init} with the system clock. */
    public static <T extends ArgusExtension> T init(T extension, Map<String, String> settings) {
        return init(extension, settings, Clock.systemUTC());
    }

    /**
     * Binds {@code settings} through the extension's schema and calls {@code init}.
     *
     * @throws IllegalArgumentException when the settings do not fit the schema (as the host reports
     *                                  an extension {@code misconfigured})
     */
    public static <T extends ArgusExtension> T init(T extension, Map<String, String> settings, Clock clock) {
        PluginConfig config = extension.configSchema().bind(settings);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        extension.init(context(config, http, clock, System.getLogger("argus.extension." + extension.id())));
        return extension;
    }

    /** A context holding exactly these parts. */
    public static PluginContext context(PluginConfig config, HttpClient http, Clock clock, System.Logger logger) {
        return new PluginContext() {
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
                return logger;
            }
        };
    }
}
