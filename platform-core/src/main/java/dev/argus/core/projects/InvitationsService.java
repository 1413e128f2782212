package dev.argus.core.projects;

import static dev.argus.core.storage.jooq.Tables.INVITATIONS;
import static dev.argus.core.storage.jooq.Tables.PROJECT_MEMBERS;
import static dev.argus.core.storage.jooq.Tables.USERS;

import dev.argus.core.audit.Actor;
import dev.argus.core.audit.AuditEvent;
import dev.argus.core.audit.AuditLog;
import dev.argus.core.auth.Access;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.PasswordHasher;
import dev.argus.core.auth.PasswordPolicy;
import dev.argus.core.ratelimit.RateLimitDecision;
import dev.argus.core.ratelimit.RateLimiter;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.ClientInfo;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code POST /api/v1/invitations/accept}: the invited person proves the invitation with its token.
 * A new address gets an account with the password given; an existing account must give its password.
 */
public final class InvitationsService implements ApiService {

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final RateLimiter perIp = new RateLimiter(20);

    public InvitationsService(DSLContext dsl, PasswordHasher hasher) {
        this.dsl = dsl;
        this.hasher = hasher;
    }

    record AcceptRequest(String token, String password, String displayName) {
    }

    record Accepted(UUID projectId, UUID userId, ProjectRole role, boolean userCreated) {
    }

    @Override
    public void routes(ApiRules rules) {
        rules.post("/accept", Access.anyone(), this::accept);
    }

    private void accept(ServerRequest req, ServerResponse res) {
        AcceptRequest body = Json.read(req, AcceptRequest.class);
        if (body.token() == null || body.token().isBlank()) {
            throw ApiException.badRequest("invalid_request", "token is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.badRequest("invalid_request", "password is required");
        }
        RateLimitDecision decision = perIp.take(ClientInfo.of(req).ip());
        if (!decision.allowed()) {
            throw decision.refusal("too many attempts; retry after " + decision.retryAfterSeconds() + " s");
        }
        byte[] hash = ApiKeyCredentials.hashSecret(body.token().trim());
        Accepted accepted = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var invitation = tx.selectFrom(INVITATIONS).where(INVITATIONS.TOKEN_SHA256.eq(hash),
                    INVITATIONS.ACCEPTED_AT.isNull(), INVITATIONS.REVOKED_AT.isNull(),
                    INVITATIONS.EXPIRES_AT.gt(OffsetDateTime.now())).forUpdate().fetchOne();
            if (invitation == null) {
                throw new ApiException(Status.NOT_FOUND_404, "not_found", "invitation not found, used, revoked or expired");
            }
            var user = tx.selectFrom(USERS)
                    .where(DSL.lower(USERS.EMAIL).eq(invitation.getEmail().toLowerCase(Locale.ROOT))).fetchOne();
            boolean created = user == null;
            UUID userId;
            if (created) {
                String password = PasswordPolicy.check(body.password(), "password");
                String name = body.displayName() == null || body.displayName().isBlank() ? null : body.displayName().trim();
                userId = tx.insertInto(USERS).set(USERS.EMAIL, invitation.getEmail())
                        .set(USERS.PASSWORD_HASH, hasher.hash(password)).set(USERS.DISPLAY_NAME, name)
                        .returning(USERS.ID).fetchOne().getId();
            } else {
                if (user.getDisabled() || !hasher.matches(body.password(), user.getPasswordHash())) {
                    throw new ApiException(Status.UNAUTHORIZED_401, "invalid_credentials",
                            "an account with this e-mail address exists; give its password to accept");
                }
                userId = user.getId();
            }
            tx.insertInto(PROJECT_MEMBERS).set(PROJECT_MEMBERS.PROJECT_ID, invitation.getProjectId())
                    .set(PROJECT_MEMBERS.USER_ID, userId).set(PROJECT_MEMBERS.ROLE, invitation.getRole())
                    .onConflictDoNothing().execute();
            ProjectRole role = tx.select(PROJECT_MEMBERS.ROLE).from(PROJECT_MEMBERS)
                    .where(PROJECT_MEMBERS.PROJECT_ID.eq(invitation.getProjectId()), PROJECT_MEMBERS.USER_ID.eq(userId))
                    .fetchOne(PROJECT_MEMBERS.ROLE);
            tx.update(INVITATIONS).set(INVITATIONS.ACCEPTED_AT, OffsetDateTime.now()).set(INVITATIONS.ACCEPTED_BY, userId)
                    .where(INVITATIONS.PROJECT_ID.eq(invitation.getProjectId()), INVITATIONS.ID.eq(invitation.getId()))
                    .execute();
            AuditLog.record(tx, new AuditEvent(invitation.getProjectId(), Actor.user(userId, ClientInfo.of(req).ip()),
                    "invitation.accept", "invitation", invitation.getId().toString(),
                    Map.of("role", role.getLiteral(), "user_created", created)));
            return new Accepted(invitation.getProjectId(), userId, role, created);
        });
        Json.ok(res, accepted);
    }
}
