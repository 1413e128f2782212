package dev.argus.core.apikeys;

import static dev.argus.core.storage.jooq.Tables.API_KEYS;

import dev.argus.core.audit.Actor;
import dev.argus.core.audit.AuditEvent;
import dev.argus.core.audit.AuditLog;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.auth.Caller;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.Json;
import dev.argus.core.server.Page;
import dev.argus.core.server.PathParams;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.storage.jooq.tables.records.ApiKeysRecord;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code /api/v1/api-keys}, for project admins: create a key (its secret is in that one response and
 * nowhere else — only its hash is kept), list keys with their last use, and revoke a key, which
 * takes effect on the next request since keys are checked against the database every time.
 */
public final class ApiKeysService implements ApiService {

    private final DSLContext dsl;

    public ApiKeysService(DSLContext dsl) {
        this.dsl = dsl;
    }

    record KeyView(UUID id, String name, String publicKey, String secret, List<String> scopes, UUID createdBy,
                   OffsetDateTime createdAt, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    /** The one response that carries the secret. */
    record NewKey(UUID id, String name, String publicKey, String secret, String key, List<String> scopes,
                  OffsetDateTime createdAt) {
        @Override
        public String toString() {
            return "NewKey[" + publicKey + "]";
        }
    }

    record CreateRequest(String name, List<String> scopes) {
    }

    /** How a listing shows the secret: never more than its prefix. */
    static final String MASKED_SECRET = "sk-…";

    @Override
    public void routes(ApiRules rules) {
        rules.get("/", Access.role(ProjectRole.admin), this::list);
        rules.post("/", Access.role(ProjectRole.admin), this::create);
        rules.delete("/{key_id}", Access.role(ProjectRole.admin), this::revoke);
    }

    private static KeyView view(ApiKeysRecord k) {
        return new KeyView(k.getId(), k.getName(), k.getPublicKey(), MASKED_SECRET, List.of(k.getScopes()),
                k.getCreatedBy(), k.getCreatedAt(), k.getLastUsedAt(), k.getRevokedAt());
    }

    private void list(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        Page page = Page.of(req);
        var condition = API_KEYS.PROJECT_ID.eq(caller.projectId());
        if (page.cursor().isPresent()) {
            condition = condition.and(DSL.row(API_KEYS.CREATED_AT, API_KEYS.ID).lt(page.timePart(0), page.uuidPart(1)));
        }
        List<KeyView> items = dsl.selectFrom(API_KEYS).where(condition)
                .orderBy(API_KEYS.CREATED_AT.desc(), API_KEYS.ID.desc()).limit(page.limit() + 1)
                .fetch(ApiKeysService::view);
        Json.ok(res, page.body(items, k -> Page.encode(k.createdAt().toString(), k.id().toString())));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        CreateRequest body = Json.read(req, CreateRequest.class);
        String name = body.name() == null ? "" : body.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw ApiException.badRequest("invalid_request", "name must have 1 to 100 characters");
        }
        List<String> scopes = scopes(body.scopes());
        ApiKeyCredentials credentials = ApiKeyCredentials.generate();
        NewKey created = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var row = tx.insertInto(API_KEYS).set(API_KEYS.PROJECT_ID, caller.projectId()).set(API_KEYS.NAME, name)
                    .set(API_KEYS.PUBLIC_KEY, credentials.publicKey())
                    .set(API_KEYS.SECRET_SHA256, ApiKeyCredentials.hashSecret(credentials.secret()))
                    .set(API_KEYS.SCOPES, scopes.toArray(String[]::new)).set(API_KEYS.CREATED_BY, caller.userId())
                    .returning().fetchOne();
            AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "api_key.create", "api_key",
                    row.getId().toString(), Map.of("name", name, "public_key", credentials.publicKey(), "scopes", scopes)));
            return new NewKey(row.getId(), name, credentials.publicKey(), credentials.secret(),
                    credentials.publicKey() + ":" + credentials.secret(), scopes, row.getCreatedAt());
        });
        Json.send(res, Status.CREATED_201, created);
    }

    private static List<String> scopes(List<String> requested) {
        String known = Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::wireName).collect(Collectors.joining(", "));
        if (requested == null || requested.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "scopes must list at least one of " + known);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String scope : requested) {
            String s = scope == null ? "" : scope.trim().toLowerCase(Locale.ROOT);
            if (Arrays.stream(ApiKeyScope.values()).noneMatch(k -> k.wireName().equals(s))) {
                throw ApiException.badRequest("invalid_request", "scopes: unknown scope '" + scope + "' (known: " + known + ")");
            }
            scopes.add(s);
        }
        return List.copyOf(scopes);
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        UUID id = PathParams.uuid(req, "key_id", "API key");
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            var key = tx.selectFrom(API_KEYS).where(API_KEYS.PROJECT_ID.eq(caller.projectId()), API_KEYS.ID.eq(id))
                    .forUpdate().fetchOne();
            if (key == null) {
                throw ApiException.notFound("API key");
            }
            if (key.getRevokedAt() == null) {
                tx.update(API_KEYS).set(API_KEYS.REVOKED_AT, OffsetDateTime.now())
                        .where(API_KEYS.PROJECT_ID.eq(caller.projectId()), API_KEYS.ID.eq(id)).execute();
                AuditLog.record(tx, new AuditEvent(caller.projectId(), Actor.of(req), "api_key.revoke", "api_key",
                        id.toString(), Map.of("name", key.getName(), "public_key", key.getPublicKey())));
            }
        });
        res.status(Status.NO_CONTENT_204).send();
    }
}
