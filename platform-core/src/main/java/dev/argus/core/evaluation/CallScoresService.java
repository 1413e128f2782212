package dev.argus.core.evaluation;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.server.PathParams;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/calls/{id}/scores}: every score a call received, from evaluations and online rules; a
 * call the project does not hold is a 404, as for {@code GET /api/v1/calls/{id}}.
 */
public final class CallScoresService implements ApiService {

    private final EvaluationStore store;

    public CallScoresService(EvaluationStore store) {
        this.store = store;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/{id}/scores", Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ), this::scores);
    }

    private void scores(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "id", "call");
        if (!store.callExists(caller.projectId(), id)) {
            throw ApiException.notFound("call");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", store.scoresOfCall(caller.projectId(), id).stream().map(EvaluationViews::callScore).toList());
        body.put("next_cursor", null);
        Json.ok(res, body);
    }
}
