package dev.argus.core.cli;

import dev.argus.core.config.ArgusConfig;
import dev.argus.core.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code argus demo} adds to a plain start: a known admin login and API key (unless the
 * environment sets its own), so a new user can sign in at once.
 */
final class DemoSetup {

    static final String EMAIL = "admin@argus.local";
    static final String PASSWORD = "argus-demo";
    static final String API_KEY = "pk-demo0000demo:sk-demo0000000000000000demo";

    private DemoSetup() {
    }

    static Map<String, String> withDemoDefaults(Map<String, String> env) {
        Map<String, String> result = new HashMap<>(env);
        result.putIfAbsent(ConfigLoader.envName("init.admin_email"), EMAIL);
        result.putIfAbsent(ConfigLoader.envName("init.admin_password"), PASSWORD);
        result.putIfAbsent(ConfigLoader.envName("init.project"), "demo");
        result.putIfAbsent(ConfigLoader.envName("init.api_key"), API_KEY);
        return result;
    }

    static void printWelcome(String url, ArgusConfig config) {
        System.out.println();
        System.out.println("Demo ready. Open " + url);
        System.out.println("  Sign in as " + config.init().adminEmail().orElse(EMAIL) + " / "
                + (config.init().adminPassword().orElse("").equals(PASSWORD) ? PASSWORD : "(your ARGUS_INIT_ADMIN_PASSWORD)"));
        config.init().apiKey().filter(API_KEY::equals).ifPresent(k ->
                System.out.println("  API key for ingestion: " + k));
        System.out.println("  Health: " + url + "/health   Plugins: " + url + "/api/v1/plugins");
        System.out.println("Press Ctrl+C to stop.");
    }
}
