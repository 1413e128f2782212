package dev.argus.core.auth;

import static dev.argus.core.storage.jooq.Tables.AUTH_SESSIONS;
import static dev.argus.core.storage.jooq.Tables.REFRESH_TOKENS;

import dev.argus.core.audit.Actor;
import dev.argus.core.audit.AuditEvent;
import dev.argus.core.audit.AuditLog;
import dev.argus.core.server.ApiException;
import io.helidon.http.Status;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Sign-in sessions and their refresh tokens. A refresh token is single use: refreshing marks it
 * used and issues the next one in the same session. Presenting a used token again means it was
 * copied, so the whole session (its refresh tokens and, through {@code sid}, its access tokens) is
 * revoked.
 */
public final class Sessions {

    private static final String PREFIX = "rt-";

    private final DSLContext dsl;
    private final AccessTokens accessTokens;
    private final Duration refreshTtl;
    private final SecureRandom random = new SecureRandom();

    public Sessions(DSLContext dsl, AccessTokens accessTokens, Duration refreshTtl) {
        this.dsl = dsl;
        this.accessTokens = accessTokens;
        this.refreshTtl = refreshTtl;
    }

    /** Opens a session for {@code userId} inside {@code tx}. */
    public TokenPair start(DSLContext tx, UUID userId, String ip, String userAgent) {
        OffsetDateTime expires = OffsetDateTime.now().plus(refreshTtl);
        UUID sessionId = tx.insertInto(AUTH_SESSIONS).set(AUTH_SESSIONS.USER_ID, userId)
                .set(AUTH_SESSIONS.EXPIRES_AT, expires).set(AUTH_SESSIONS.IP, ip)
                .set(AUTH_SESSIONS.USER_AGENT, userAgent == null ? null : truncate(userAgent, 512))
                .returning(AUTH_SESSIONS.ID).fetchOne().getId();
        return pair(tx, userId, sessionId, expires);
    }

    private sealed interface Outcome permits Rotated, Refused {
    }

    private record Rotated(TokenPair pair) implements Outcome {
    }

    private record Refused(String message) implements Outcome {
    }

    /** Exchanges a refresh token for a new pair; 401 when it is unknown, expired, revoked or reused. */
    public TokenPair refresh(String refreshToken, Actor actor) {
        byte[] hash = ApiKeyCredentials.hashSecret(refreshToken);
        Outcome outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var row = tx.select(REFRESH_TOKENS.SESSION_ID, REFRESH_TOKENS.EXPIRES_AT, REFRESH_TOKENS.USED_AT,
                            AUTH_SESSIONS.USER_ID, AUTH_SESSIONS.REVOKED_AT)
                    .from(REFRESH_TOKENS).join(AUTH_SESSIONS).on(AUTH_SESSIONS.ID.eq(REFRESH_TOKENS.SESSION_ID))
                    .where(REFRESH_TOKENS.TOKEN_SHA256.eq(hash))
                    .forUpdate().of(AUTH_SESSIONS)
                    .fetchOne();
            if (row == null || row.value5() != null || !row.value2().isAfter(OffsetDateTime.now())) {
                return new Refused("the refresh token is unknown, expired or revoked; sign in again");
            }
            UUID sessionId = row.value1();
            UUID userId = row.value4();
            if (row.value3() != null) {
                revokeSession(tx, sessionId, "refresh_token_reuse");
                AuditLog.record(tx, new AuditEvent(null, new Actor(userId, null, actor.ip()), "auth.refresh_reuse",
                        "session", sessionId.toString(), Map.of("revoked", true)));
                return new Refused("the refresh token was already used; the session is revoked, sign in again");
            }
            tx.update(REFRESH_TOKENS).set(REFRESH_TOKENS.USED_AT, OffsetDateTime.now())
                    .where(REFRESH_TOKENS.TOKEN_SHA256.eq(hash)).execute();
            OffsetDateTime expires = OffsetDateTime.now().plus(refreshTtl);
            tx.update(AUTH_SESSIONS).set(AUTH_SESSIONS.EXPIRES_AT, expires)
                    .where(AUTH_SESSIONS.ID.eq(sessionId)).execute();
            return new Rotated(pair(tx, userId, sessionId, expires));
        });
        return switch (outcome) {
            case Rotated r -> r.pair();
            case Refused r -> throw new ApiException(Status.UNAUTHORIZED_401, "invalid_refresh_token", r.message());
        };
    }

    /** Ends the session a refresh token belongs to (used or not); whether there was one. */
    public boolean end(String refreshToken, Actor actor) {
        byte[] hash = ApiKeyCredentials.hashSecret(refreshToken);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var row = tx.select(REFRESH_TOKENS.SESSION_ID, AUTH_SESSIONS.USER_ID).from(REFRESH_TOKENS)
                    .join(AUTH_SESSIONS).on(AUTH_SESSIONS.ID.eq(REFRESH_TOKENS.SESSION_ID))
                    .where(REFRESH_TOKENS.TOKEN_SHA256.eq(hash), AUTH_SESSIONS.REVOKED_AT.isNull()).fetchOne();
            if (row == null) {
                return false;
            }
            revokeSession(tx, row.value1(), "logout");
            AuditLog.record(tx, new AuditEvent(null, new Actor(row.value2(), null, actor.ip()), "auth.logout",
                    "session", row.value1().toString(), Map.of()));
            return true;
        });
    }

    /** Revokes every open session of a user inside {@code tx} (password change, account disabled). */
    public static int revokeAll(DSLContext tx, UUID userId, String reason) {
        return tx.update(AUTH_SESSIONS).set(AUTH_SESSIONS.REVOKED_AT, OffsetDateTime.now())
                .set(AUTH_SESSIONS.REVOKED_REASON, reason)
                .where(AUTH_SESSIONS.USER_ID.eq(userId), AUTH_SESSIONS.REVOKED_AT.isNull()).execute();
    }

    private static void revokeSession(DSLContext tx, UUID sessionId, String reason) {
        tx.update(AUTH_SESSIONS).set(AUTH_SESSIONS.REVOKED_AT, OffsetDateTime.now())
                .set(AUTH_SESSIONS.REVOKED_REASON, reason).where(AUTH_SESSIONS.ID.eq(sessionId)).execute();
    }

    private TokenPair pair(DSLContext tx, UUID userId, UUID sessionId, OffsetDateTime expires) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String refresh = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tx.insertInto(REFRESH_TOKENS).set(REFRESH_TOKENS.TOKEN_SHA256, ApiKeyCredentials.hashSecret(refresh))
                .set(REFRESH_TOKENS.SESSION_ID, sessionId).set(REFRESH_TOKENS.EXPIRES_AT, expires).execute();
        return new TokenPair(accessTokens.issue(userId, sessionId), refresh, "Bearer", accessTokens.ttl().toSeconds());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
