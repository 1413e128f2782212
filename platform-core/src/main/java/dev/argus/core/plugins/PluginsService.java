package dev.argus.core.plugins;

import dev.argus.core.server.Json;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Map;

/** {@code GET /api/v1/plugins}: every plugin jar and built-in, with its extensions and state. */
public final class PluginsService implements HttpService {

    private final PluginHost host;

    public PluginsService(PluginHost host) {
        this.host = host;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", host.statuses());
        body.put("next_cursor", null);
        Json.ok(res, body);
    }
}
