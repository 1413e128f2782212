package dev.argus.core.retention;

import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static dev.argus.core.storage.jooq.Tables.LLM_CALL_IDS;
import static dev.argus.core.storage.jooq.Tables.PROJECTS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.audit.Actor;
import dev.argus.core.audit.AuditEvent;
import dev.argus.core.audit.AuditLog;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * {@code /api/v1/data}: a project's retention ({@code GET/PUT /retention}) and deletion of everything
 * recorded about one end user ({@code DELETE /end-users/{user_id}}, GDPR-style). Both are audited.
 */
public final class DataLifecycleService implements ApiService {

    private final DSLContext dsl;

    public DataLifecycleService(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/retention", Access.role(ProjectRole.admin), this::retention);
        rules.put("/retention", Access.role(ProjectRole.owner), this::setRetention);
        rules.delete("/end-users/{user_id}", Access.role(ProjectRole.admin), this::deleteEndUser);
    }

    private void retention(ServerRequest req, ServerResponse res) {
        Integer days = dsl.select(PROJECTS.RETENTION_DAYS).from(PROJECTS).where(PROJECTS.ID.eq(Caller.of(req).projectId()))
                .fetchOne(PROJECTS.RETENTION_DAYS);
        Json.ok(res, body(days));
    }

    private void setRetention(ServerRequest req, ServerResponse res) {
        JsonNode json = Json.readTree(req);
        Set<String> known = Set.of("retention_days");
        json.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                throw ApiException.badRequest("invalid_request", "unknown field " + f);
            }
        });
        JsonNode value = json.get("retention_days");
        if (value == null || !(value.isNull() || value.canConvertToInt() && value.isIntegralNumber())
                || (!value.isNull() && (value.asInt() < 1 || value.asInt() > 3650))) {
            throw ApiException.badRequest("invalid_request",
                    "retention_days must be a whole number of days from 1 to 3650, or null to keep data forever");
        }
        Integer days = value.isNull() ? null : value.asInt();
        Caller caller = Caller.of(req);
        dsl.transaction(tx -> {
            Integer before = tx.dsl().select(PROJECTS.RETENTION_DAYS).from(PROJECTS).where(PROJECTS.ID.eq(caller.projectId()))
                    .fetchOne(PROJECTS.RETENTION_DAYS);
            tx.dsl().update(PROJECTS).set(PROJECTS.RETENTION_DAYS, days).where(PROJECTS.ID.eq(caller.projectId())).execute();
            Map<String, Object> summary = Map.of("before", before == null ? "forever" : before,
                    "after", days == null ? "forever" : days);
            AuditLog.record(tx.dsl(), new AuditEvent(caller.projectId(), Actor.of(req), "project.retention",
                    "project", caller.projectId().toString(), summary));
        });
        Json.ok(res, body(days));
    }

    private void deleteEndUser(ServerRequest req, ServerResponse res) {
        String endUser = req.path().pathParameters().get("user_id");
        Caller caller = Caller.of(req);
        int deleted = dsl.transactionResult(tx -> {
            DSLContext db = tx.dsl();
            var ids = db.select(LLM_CALLS.ID).from(LLM_CALLS)
                    .where(LLM_CALLS.PROJECT_ID.eq(caller.projectId()), LLM_CALLS.USER_ID.eq(endUser));
            db.deleteFrom(LLM_CALL_IDS).where(LLM_CALL_IDS.PROJECT_ID.eq(caller.projectId()), LLM_CALL_IDS.ID.in(ids))
                    .execute();
            int rows = db.deleteFrom(LLM_CALLS)
                    .where(LLM_CALLS.PROJECT_ID.eq(caller.projectId()), LLM_CALLS.USER_ID.eq(endUser)).execute();
            // the end-user id itself is personal data: the audit entry keeps only a count
            AuditLog.record(db, new AuditEvent(caller.projectId(), Actor.of(req), "end_user.delete_data", "end_user",
                    null, Map.of("deleted_calls", rows)));
            return rows;
        });
        Json.ok(res, Map.of("deleted_calls", deleted));
    }

    private static Map<String, Object> body(Integer days) {
        Map<String, Object> body = new HashMap<>();
        body.put("retention_days", days);
        return body;
    }
}
