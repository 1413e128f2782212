package dev.argus.core.auth;

import static dev.argus.core.storage.jooq.Tables.PROJECTS;
import static dev.argus.core.storage.jooq.Tables.PROJECT_MEMBERS;
import static dev.argus.core.storage.jooq.Tables.USERS;

import dev.argus.core.audit.Actor;
import dev.argus.core.audit.AuditEvent;
import dev.argus.core.audit.AuditLog;
import dev.argus.core.ratelimit.RateLimitDecision;
import dev.argus.core.ratelimit.RateLimiter;
import dev.argus.core.server.ApiException;
import dev.argus.core.server.ApiRules;
import dev.argus.core.server.ApiService;
import dev.argus.core.server.ClientInfo;
import dev.argus.core.server.Json;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code /api/v1/auth}: sign in with e-mail and password, refresh, sign out, and the signed-in user's
 * own profile. Sign-in attempts are throttled per e-mail address and per client address.
 */
public final class AuthService implements ApiService {

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final RateLimiter perEmail;
    private final RateLimiter perIp;
    private final String dummyHash;

    public AuthService(DSLContext dsl, PasswordHasher hasher, Sessions sessions, int loginAttemptsPerMinute) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.sessions = sessions;
        this.perEmail = new RateLimiter(loginAttemptsPerMinute);
        this.perIp = new RateLimiter(loginAttemptsPerMinute * 4);
        // unknown addresses cost one hash check too, so timing does not tell which addresses exist
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
    }

    record LoginRequest(String email, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    record ProfileUpdate(String displayName) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    /** The signed-in user and their projects. */
    record Me(UserView user, List<Membership> projects) {
    }

    record UserView(UUID id, String email, String displayName, boolean instanceAdmin, OffsetDateTime createdAt) {
    }

    record Membership(UUID id, String name, UUID organizationId, ProjectRole role) {
    }

    @Override
    public void routes(ApiRules rules) {
        rules.post("/login", Access.anyone(), this::login);
        rules.post("/refresh", Access.anyone(), this::refresh);
        rules.post("/logout", Access.anyone(), this::logout);
        rules.get("/me", Access.user(), this::me);
        rules.patch("/me", Access.user(), this::updateMe);
        rules.post("/password", Access.user(), this::changePassword);
    }

    private void login(ServerRequest req, ServerResponse res) {
        LoginRequest body = Json.read(req, LoginRequest.class);
        if (body.email() == null || body.email().isBlank()) {
            throw ApiException.badRequest("invalid_request", "email is required");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.badRequest("invalid_request", "password is required");
        }
        String email = body.email().trim().toLowerCase(Locale.ROOT);
        ClientInfo client = ClientInfo.of(req);
        throttle(perEmail.take(email));
        throttle(perIp.take(client.ip()));
        var user = dsl.selectFrom(USERS).where(DSL.lower(USERS.EMAIL).eq(email)).fetchOne();
        boolean matches = hasher.matches(body.password(), user == null ? dummyHash : user.getPasswordHash());
        if (user == null || !matches || user.getDisabled()) {
            throw new ApiException(Status.UNAUTHORIZED_401, "invalid_credentials", "the e-mail address or password is wrong");
        }
        String userAgent = req.headers().first(HeaderNames.USER_AGENT).orElse(null);
        TokenPair pair = dsl.transactionResult(cfg -> {
            TokenPair p = sessions.start(cfg.dsl(), user.getId(), client.ip(), userAgent);
            AuditLog.record(cfg.dsl(), new AuditEvent(null, Actor.user(user.getId(), client.ip()), "auth.login", "user",
                    user.getId().toString(), Map.of()));
            return p;
        });
        noStore(res);
        Json.ok(res, pair);
    }

    private static void throttle(RateLimitDecision decision) {
        if (!decision.allowed()) {
            throw decision.refusal("too many sign-in attempts; retry after " + decision.retryAfterSeconds() + " s");
        }
    }

    private void refresh(ServerRequest req, ServerResponse res) {
        String token = refreshToken(req);
        TokenPair pair = sessions.refresh(token, Actor.of(req));
        noStore(res);
        Json.ok(res, pair);
    }

    private void logout(ServerRequest req, ServerResponse res) {
        sessions.end(refreshToken(req), Actor.of(req));
        res.status(Status.NO_CONTENT_204).send();
    }

    private static String refreshToken(ServerRequest req) {
        RefreshRequest body = Json.read(req, RefreshRequest.class);
        if (body.refreshToken() == null || body.refreshToken().isBlank()) {
            throw ApiException.badRequest("invalid_request", "refresh_token is required");
        }
        return body.refreshToken().trim();
    }

    private void me(ServerRequest req, ServerResponse res) {
        Json.ok(res, describe(Caller.of(req).userId()));
    }

    Me describe(UUID userId) {
        var user = dsl.selectFrom(USERS).where(USERS.ID.eq(userId)).fetchOne();
        List<Membership> projects = dsl.select(PROJECTS.ID, PROJECTS.NAME, PROJECTS.ORGANIZATION_ID, PROJECT_MEMBERS.ROLE)
                .from(PROJECT_MEMBERS).join(PROJECTS).on(PROJECTS.ID.eq(PROJECT_MEMBERS.PROJECT_ID))
                .where(PROJECT_MEMBERS.USER_ID.eq(userId)).orderBy(PROJECTS.NAME, PROJECTS.ID)
                .fetch(r -> new Membership(r.value1(), r.value2(), r.value3(), r.value4()));
        return new Me(new UserView(user.getId(), user.getEmail(), user.getDisplayName(), user.getInstanceAdmin(),
                user.getCreatedAt()), projects);
    }

    private void updateMe(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        ProfileUpdate body = Json.read(req, ProfileUpdate.class);
        String name = body.displayName() == null ? null : body.displayName().trim();
        if (name == null || name.isEmpty() || name.length() > 200) {
            throw ApiException.badRequest("invalid_request", "display_name must have 1 to 200 characters");
        }
        dsl.transaction(cfg -> {
            String before = cfg.dsl().select(USERS.DISPLAY_NAME).from(USERS).where(USERS.ID.eq(caller.userId()))
                    .fetchOne(USERS.DISPLAY_NAME);
            cfg.dsl().update(USERS).set(USERS.DISPLAY_NAME, name).where(USERS.ID.eq(caller.userId())).execute();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("display_name_before", before);
            summary.put("display_name_after", name);
            AuditLog.record(cfg.dsl(), new AuditEvent(null, Actor.of(req), "user.update_profile", "user",
                    caller.userId().toString(), summary));
        });
        Json.ok(res, describe(caller.userId()));
    }

    private void changePassword(ServerRequest req, ServerResponse res) {
        Caller caller = Caller.of(req);
        PasswordChange body = Json.read(req, PasswordChange.class);
        if (body.currentPassword() == null) {
            throw ApiException.badRequest("invalid_request", "current_password is required");
        }
        String next = PasswordPolicy.check(body.newPassword(), "new_password");
        throttle(perEmail.take("user:" + caller.userId()));
        var user = dsl.selectFrom(USERS).where(USERS.ID.eq(caller.userId())).fetchOne();
        if (!hasher.matches(body.currentPassword(), user.getPasswordHash())) {
            throw new ApiException(Status.FORBIDDEN_403, "invalid_credentials", "current_password is wrong");
        }
        ClientInfo client = ClientInfo.of(req);
        String userAgent = req.headers().first(HeaderNames.USER_AGENT).orElse(null);
        TokenPair pair = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.update(USERS).set(USERS.PASSWORD_HASH, hasher.hash(next)).where(USERS.ID.eq(caller.userId())).execute();
            int revoked = Sessions.revokeAll(tx, caller.userId(), "password_changed");
            AuditLog.record(tx, new AuditEvent(null, Actor.of(req), "user.change_password", "user",
                    caller.userId().toString(), Map.of("sessions_revoked", revoked)));
            return sessions.start(tx, caller.userId(), client.ip(), userAgent);
        });
        noStore(res);
        Json.ok(res, pair);
    }

    private static void noStore(ServerResponse res) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
    }
}
