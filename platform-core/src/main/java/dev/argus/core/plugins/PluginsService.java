package dev.argus.core.plugins;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /api/v1/plugins}: every plugin jar and built-in with its extensions, state and call counts;
 * reload the folder, enable or disable a plugin (admins).
 */
public final class PluginsService implements ApiService {

    private final PluginHost host;

    public PluginsService(PluginHost host) {
        this.host = host;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ), this::list);
        rules.post("/reload", Access.instanceAdministrator(), this::reload);
        rules.post("/{id}/enable", Access.instanceAdministrator(), (req, res) -> setEnabled(req, res, true));
        rules.post("/{id}/disable", Access.instanceAdministrator(), (req, res) -> setEnabled(req, res, false));
    }

    private void reload(ServerRequest req, ServerResponse res) {
        PluginHost.ReloadResult result = host.reload();
        Json.ok(res, Map.of("loaded", result.loaded(), "unloaded", result.unloaded()));
    }

    private void setEnabled(ServerRequest req, ServerResponse res, boolean enabled) {
        String id = req.path().pathParameters().get("id");
        if (!host.setEnabled(id, enabled)) {
            throw ApiException.notFound("plugin " + id);
        }
        Json.ok(res, host.statuses().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow());
    }

    private void list(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", host.statuses());
        body.put("next_cursor", null);
        Json.ok(res, body);
    }
}
