package dev.argus.core.auth;

import static dev.argus.core.storage.jooq.Tables.API_KEYS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.argus.core.server.ApiException;
import dev.argus.core.storage.DatabaseOutage;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * API keys: {@code Authorization: Bearer sk-…}, {@code Authorization: Basic base64(pk-…:sk-…)} or
 * {@code X-Argus-Key: pk-…:sk-…}. Every request is checked against the database, so revoked keys stop
 * working at once. Only while the database is unreachable does a key verified on this node in the
 * last {@link #OUTAGE_GRACE} keep working (so the proxy keeps proxying); a key cannot be revoked then.
 */
public final class ApiKeyAuthenticator implements Authenticator {

    static final Duration OUTAGE_GRACE = Duration.ofMinutes(5);

    private final DSLContext dsl;
    private final Cache<String, Caller> verifiedRecently = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(OUTAGE_GRACE).build();

    public ApiKeyAuthenticator(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Caller> authenticate(ServerRequest req, Access access) {
        Optional<Presented> presented = presented(req);
        if (presented.isEmpty()) {
            if (access.open()) {
                return Optional.empty();
            }
            throw new ApiException(Status.UNAUTHORIZED_401, "unauthenticated", "this route needs credentials", Map.of(),
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        Caller caller = verify(presented.get());
        if (!access.open() && access.scope().map(s -> !caller.scopes().contains(s)).orElse(true)) {
            throw new ApiException(Status.FORBIDDEN_403, "forbidden", "this API key may not call this route");
        }
        return Optional.of(caller);
    }

    /** Verifies a bare key ({@code sk-…} or {@code pk-…:sk-…}), e.g. from a WebSocket upgrade. */
    public Optional<Caller> authenticateToken(String token) {
        if (token.startsWith("sk-")) {
            return Optional.of(verify(new Presented(null, token)));
        }
        return token.startsWith("pk-") ? pair(token).map(this::verify) : Optional.empty();
    }

    /**
     * The key's caller when the request presents an API key (checked against the database, so a
     * revoked key fails at once), or empty when it presents none. Makes no access decision.
     */
    public Optional<Caller> identify(ServerRequest req) {
        return presented(req).map(this::verify);
    }

    /** Whether the request carries something that looks like an API key. */
    public static boolean carriesKey(ServerRequest req) {
        return presented(req).isPresent();
    }

    private Caller verify(Presented presented) {
        byte[] hash = ApiKeyCredentials.hashSecret(presented.secret());
        String cacheKey = presented.publicKey() + ":" + HexFormat.of().formatHex(hash);
        try {
            Caller caller = verifyInDatabase(presented, hash);
            verifiedRecently.put(cacheKey, caller);
            return caller;
        } catch (ApiException e) {
            verifiedRecently.invalidate(cacheKey);
            throw e;
        } catch (RuntimeException e) {
            Caller recent = DatabaseOutage.causedBy(e) ? verifiedRecently.getIfPresent(cacheKey) : null;
            if (recent == null) {
                throw e;
            }
            return recent;
        }
    }

    private Caller verifyInDatabase(Presented presented, byte[] hash) {
        var condition = presented.publicKey() == null ? API_KEYS.SECRET_SHA256.eq(hash)
                : API_KEYS.PUBLIC_KEY.eq(presented.publicKey());
        var key = dsl.selectFrom(API_KEYS).where(condition).and(API_KEYS.REVOKED_AT.isNull()).fetchOne();
        if (key == null || !MessageDigest.isEqual(key.getSecretSha256(), hash)) {
            throw new ApiException(Status.UNAUTHORIZED_401, "invalid_api_key", "the API key is unknown or revoked");
        }
        // at most one write a minute per key: every request updating the same row would serialise
        // all requests of a key on its row lock and cost a commit each
        OffsetDateTime now = OffsetDateTime.now();
        if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minusMinutes(1))) {
            dsl.update(API_KEYS).set(API_KEYS.LAST_USED_AT, now)
                    .where(API_KEYS.PROJECT_ID.eq(key.getProjectId()), API_KEYS.ID.eq(key.getId()))
                    .and(API_KEYS.LAST_USED_AT.isNull().or(API_KEYS.LAST_USED_AT.lt(now.minusMinutes(1)))).execute();
        }
        Set<ApiKeyScope> scopes = Arrays.stream(key.getScopes()).map(s -> ApiKeyScope.valueOf(s.toUpperCase()))
                .collect(Collectors.toSet());
        return new Caller(key.getProjectId(), null, key.getId(), null, scopes);
    }

    private record Presented(String publicKey, String secret) {
    }

    private static Optional<Presented> presented(ServerRequest req) {
        var headers = req.headers();
        Optional<String> argusKey = headers.first(HeaderNames.create("X-Argus-Key"));
        if (argusKey.isPresent()) {
            return pair(argusKey.get());
        }
        Optional<String> authorization = headers.first(HeaderNames.AUTHORIZATION);
        if (authorization.isEmpty()) {
            return Optional.empty();
        }
        String value = authorization.get().trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).trim();
            return token.startsWith("sk-") ? Optional.of(new Presented(null, token)) : Optional.empty();
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                return pair(new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid_authorization", "Basic credentials are not valid base64");
            }
        }
        return Optional.empty();
    }

    private static Optional<Presented> pair(String value) {
        try {
            ApiKeyCredentials credentials = ApiKeyCredentials.parse(value);
            return Optional.of(new Presented(credentials.publicKey(), credentials.secret()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.UNAUTHORIZED_401, "invalid_api_key", e.getMessage());
        }
    }
}
