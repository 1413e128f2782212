package dev.argus.core.plugins;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Map;

/** {@code GET /api/v1/plugins}: every plugin jar and built-in, with its extensions and state. */
public final class PluginsService implements ApiService {

    private final PluginHost host;

    public PluginsService(PluginHost host) {
        this.host = host;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ), this::list);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", host.statuses());
        body.put("next_cursor", null);
        Json.ok(res, body);
    }
}
