package dev.argus.core.secrets;

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
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;

/**
 * {@code /api/v1/secrets}, for project admins: store, replace, list and delete the project's
 * credentials. Values go in and never come out: responses carry the name and a four-character hint.
 */
public final class SecretsService implements ApiService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    private static final int MAX_VALUE = 16 * 1024;

    private final DSLContext dsl;
    private final SecretStore store;

    public SecretsService(DSLContext dsl, SecretStore store) {
        this.dsl = dsl;
        this.store = store;
    }

    record PutRequest(String value) {
        @Override
        public String toString() {
            return "PutRequest[***]";
        }
    }

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.role(ProjectRole.admin), this::list);
        rules.put("/{name}", Access.role(ProjectRole.admin), this::put);
        rules.delete("/{name}", Access.role(ProjectRole.admin), this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", store.list(Caller.of(req).projectId()));
        body.put("next_cursor", null);
        Json.ok(res, body);
    }

    private void put(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        String value = Json.read(req, PutRequest.class).value();
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE) {
            throw ApiException.badRequest("invalid_request", "value must have 1 to " + MAX_VALUE + " characters");
        }
        dsl.transaction(cfg -> {
            boolean existed = store.info(caller.projectId(), name).isPresent();
            store.put(cfg.dsl(), caller.projectId(), name, value, caller.userId());
            AuditLog.record(cfg.dsl(), new AuditEvent(caller.projectId(), Actor.of(req),
                    existed ? "secret.replace" : "secret.create", "secret", name, Map.of()));
        });
        Json.ok(res, store.info(caller.projectId(), name).orElseThrow());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        String name = name(req);
        dsl.transaction(cfg -> {
            if (!store.delete(cfg.dsl(), caller.projectId(), name)) {
                throw ApiException.notFound("secret");
            }
            AuditLog.record(cfg.dsl(), new AuditEvent(caller.projectId(), Actor.of(req), "secret.delete", "secret",
                    name, Map.of()));
        });
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String name(ServerRequest req) {
        String name = req.path().pathParameters().first("name").asOptional().orElse("");
        if (!NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_request", "the secret name must be 1 to 128 lower-case letters, "
                    + "digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
