package dev.argus.core.calls;

import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * {@code GET /api/v1/traces/{trace_id}} (an agent run: its calls as a span tree) and
 * {@code GET /api/v1/sessions/{session_id}} (a conversation: its calls in order), each with totals;
 * at most {@value #MAX_CALLS} calls, oldest first.
 */
public final class CallGroupsService implements ApiService {

    static final int MAX_CALLS = 1000;

    /** Which field groups the calls. */
    public enum Grouping { TRACE, SESSION }

    private final CallQueries queries;
    private final Grouping grouping;

    public CallGroupsService(CallQueries queries, Grouping grouping) {
        this.queries = queries;
        this.grouping = grouping;
    }

    @Override
    public void routes(ApiRules rules) {
        Access read = Access.roleOrKey(ProjectRole.viewer, ApiKeyScope.READ);
        rules.get(grouping == Grouping.TRACE ? "/{trace_id}" : "/{session_id}", read, this::group);
    }

    private void group(ServerRequest req, ServerResponse res) {
        String key = grouping == Grouping.TRACE ? "trace_id" : "session_id";
        String value = req.path().pathParameters().get(key);
        if (value.isBlank() || value.length() > 256) {
            throw ApiException.badRequest("invalid_parameter", key + ": 1 to 256 characters");
        }
        CallFilter filter = new CallFilter(null, null, null, null, null, null, null,
                grouping == Grouping.SESSION ? value : null, grouping == Grouping.TRACE ? value : null, null, null,
                List.of(), null, null, null, null, null, true);
        List<CallRow> calls = queries.page(Caller.of(req).projectId(), filter, null, MAX_CALLS + 1).items();
        if (calls.isEmpty()) {
            throw ApiException.notFound(grouping == Grouping.TRACE ? "trace" : "session");
        }
        boolean truncated = calls.size() > MAX_CALLS;
        List<CallRow> shown = truncated ? calls.subList(0, MAX_CALLS) : calls;
        Json.ok(res, grouping == Grouping.TRACE ? CallTree.of(key, value, shown, truncated)
                : CallTree.flat(key, value, shown, truncated));
    }
}
