package dev.argus.core.auth;

import static dev.argus.core.storage.jooq.Tables.AUTH_SESSIONS;
import static dev.argus.core.storage.jooq.Tables.PROJECT_MEMBERS;
import static dev.argus.core.storage.jooq.Tables.USERS;

import dev.argus.core.ratelimit.RateLimitDecision;
import dev.argus.core.ratelimit.RateLimiter;
import dev.argus.core.server.ApiException;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The server's authenticator: accepts user access tokens (JWT, {@code Authorization: Bearer eyJ…})
 * and API keys, selects the project, rate-limits the caller and checks the route's {@link Access}.
 *
 * <p>Project selection: a {@code {project_id}} path parameter, else the {@code X-Argus-Project}
 * header, else the {@code project_id} query parameter; a user who belongs to exactly one project may
 * omit it. A project the caller does not belong to is answered 404, exactly like one that does not
 * exist. An API key acts in its own project only.
 */
public final class CallerAuthenticator implements Authenticator {

    /** The header that selects the project for a user. */
    public static final String PROJECT_HEADER = "X-Argus-Project";
    private static final String PROJECT_PARAM = "project_id";

    private final DSLContext dsl;
    private final ApiKeyAuthenticator keys;
    private final AccessTokens tokens;
    private final RateLimiter limiter;

    public CallerAuthenticator(DSLContext dsl, ApiKeyAuthenticator keys, AccessTokens tokens, RateLimiter limiter) {
        this.dsl = dsl;
        this.keys = keys;
        this.tokens = tokens;
        this.limiter = limiter;
    }

    @Override
    public Optional<Caller> authenticate(ServerRequest req, Access access) {
        return authenticate(req, null, access);
    }

    @Override
    public Optional<Caller> authenticate(ServerRequest req, ServerResponse res, Access access) {
        if (access.open()) {
            // open routes ignore credentials: an expired access token must not block /auth/refresh
            return Optional.empty();
        }
        Optional<Caller> identity = identify(req);
        if (identity.isEmpty()) {
            throw new ApiException(Status.UNAUTHORIZED_401, "unauthenticated", "this route needs credentials: "
                    + "an access token (Authorization: Bearer <jwt>) or an API key", Map.of(),
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        Caller who = identity.get();
        RateLimitDecision decision = limiter.take(who.apiKeyId() != null ? "key:" + who.apiKeyId() : "user:" + who.userId());
        if (!decision.allowed()) {
            throw decision.refusal("too many requests for this " + (who.apiKeyId() != null ? "API key" : "user")
                    + "; retry after " + decision.retryAfterSeconds() + " s");
        }
        if (res != null) {
            decision.headers().forEach(res::header);
        }
        return Optional.of(who.apiKeyId() != null ? authorizeKey(req, who, access) : authorizeUser(req, who, access));
    }

    private Optional<Caller> identify(ServerRequest req) {
        if (ApiKeyAuthenticator.carriesKey(req)) {
            return keys.identify(req);
        }
        Optional<String> bearer = req.headers().first(HeaderNames.AUTHORIZATION).map(String::trim)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7)).map(v -> v.substring(7).trim());
        if (bearer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(verifyAccessToken(bearer.get()));
    }

    /** A signed-in user from a valid access token whose session is still open. */
    private Caller verifyAccessToken(String token) {
        AccessTokens.Claims claims = tokens.verify(token);
        var session = dsl.select(USERS.DISABLED, AUTH_SESSIONS.REVOKED_AT, AUTH_SESSIONS.EXPIRES_AT)
                .from(AUTH_SESSIONS).join(USERS).on(USERS.ID.eq(AUTH_SESSIONS.USER_ID))
                .where(AUTH_SESSIONS.ID.eq(claims.sessionId()), USERS.ID.eq(claims.userId()))
                .fetchOne();
        if (session == null || session.value1() || session.value2() != null
                || !session.value3().isAfter(OffsetDateTime.now())) {
            throw AccessTokens.invalid();
        }
        return new Caller(null, claims.userId(), null, null, Set.of());
    }

    /**
     * For connections that cannot carry headers (WebSocket upgrades from browsers): the project an
     * access token may act on — the requested one if the user is a member, else the user's only project.
     */
    public Optional<UUID> projectForAccessToken(String token, Optional<UUID> requested) {
        Caller user = verifyAccessToken(token);
        if (requested.isPresent()) {
            return roleIn(requested.get(), user.userId()).map(role -> requested.get());
        }
        var memberships = dsl.select(PROJECT_MEMBERS.PROJECT_ID).from(PROJECT_MEMBERS)
                .where(PROJECT_MEMBERS.USER_ID.eq(user.userId())).limit(2).fetch(PROJECT_MEMBERS.PROJECT_ID);
        return memberships.size() == 1 ? Optional.of(memberships.getFirst()) : Optional.empty();
    }

    private Caller authorizeKey(ServerRequest req, Caller key, Access access) {
        if (access.scope().isEmpty()) {
            throw new ApiException(Status.FORBIDDEN_403, "forbidden",
                    "API keys may not call this route; sign in as a user");
        }
        if (!key.scopes().contains(access.keyScope())) {
            throw new ApiException(Status.FORBIDDEN_403, "forbidden",
                    "this API key lacks the " + access.keyScope().wireName() + " scope");
        }
        requestedProject(req).filter(p -> !p.equals(key.projectId())).ifPresent(p -> {
            throw projectNotFound();
        });
        return key;
    }

    private Caller authorizeUser(ServerRequest req, Caller user, Access access) {
        if (access.instanceAdmin()) {
            boolean admin = Boolean.TRUE.equals(dsl.select(USERS.INSTANCE_ADMIN).from(USERS)
                    .where(USERS.ID.eq(user.userId())).fetchOne(USERS.INSTANCE_ADMIN));
            if (!admin) {
                throw new ApiException(Status.FORBIDDEN_403, "forbidden",
                        "this route changes the whole server and needs an instance administrator");
            }
            return user;
        }
        Optional<UUID> requested = requestedProject(req);
        if (access.userOnly()) {
            if (requested.isEmpty()) {
                return user;
            }
            ProjectRole role = roleIn(requested.get(), user.userId()).orElseThrow(CallerAuthenticator::projectNotFound);
            return new Caller(requested.get(), user.userId(), null, role, Set.of());
        }
        if (access.minimumRole() == null) {
            throw new ApiException(Status.FORBIDDEN_403, "forbidden", "this route takes an API key with the "
                    + access.keyScope().wireName() + " scope");
        }
        UUID projectId;
        ProjectRole role;
        if (requested.isPresent()) {
            projectId = requested.get();
            role = roleIn(projectId, user.userId()).orElseThrow(CallerAuthenticator::projectNotFound);
        } else {
            var memberships = dsl.select(PROJECT_MEMBERS.PROJECT_ID, PROJECT_MEMBERS.ROLE).from(PROJECT_MEMBERS)
                    .where(PROJECT_MEMBERS.USER_ID.eq(user.userId())).limit(2).fetch();
            if (memberships.size() != 1) {
                throw ApiException.badRequest("project_required", memberships.isEmpty()
                        ? "you belong to no project yet; create one with POST /api/v1/projects"
                        : "you belong to several projects; name one with the " + PROJECT_HEADER
                          + " header or the project_id query parameter");
            }
            projectId = memberships.get(0).value1();
            role = memberships.get(0).value2();
        }
        if (!access.allowsRole(role)) {
            throw new ApiException(Status.FORBIDDEN_403, "forbidden", "this route needs the "
                    + access.minimumRole().getLiteral() + " role or higher; you are " + role.getLiteral());
        }
        return new Caller(projectId, user.userId(), null, role, Set.of());
    }

    private Optional<ProjectRole> roleIn(UUID projectId, UUID userId) {
        return dsl.select(PROJECT_MEMBERS.ROLE).from(PROJECT_MEMBERS)
                .where(PROJECT_MEMBERS.PROJECT_ID.eq(projectId), PROJECT_MEMBERS.USER_ID.eq(userId))
                .fetchOptional(PROJECT_MEMBERS.ROLE);
    }

    /** The project named by the path, header or query, in that order. */
    static Optional<UUID> requestedProject(ServerRequest req) {
        Optional<String> raw = req.path().pathParameters().first(PROJECT_PARAM).asOptional()
                .or(() -> req.headers().first(HeaderNames.create(PROJECT_HEADER)))
                .or(() -> req.query().first(PROJECT_PARAM).asOptional());
        return raw.map(String::trim).map(value -> {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw projectNotFound();
            }
        });
    }

    static ApiException projectNotFound() {
        return ApiException.notFound("project");
    }
}
