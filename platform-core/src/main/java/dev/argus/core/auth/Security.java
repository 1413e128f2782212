package dev.argus.core.auth;

import dev.argus.core.config.ArgusConfig;
import dev.argus.core.ratelimit.RateLimiter;
import dev.argus.core.secrets.MasterKey;
import dev.argus.core.secrets.SecretCipher;
import dev.argus.core.secrets.SecretStore;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The security services of one running Argus, built once from the configuration: token signing keys,
 * sessions, the authenticator every API route goes through, and the encrypted secret store.
 *
 * @param accessTokens  issues and verifies JWT access tokens
 * @param sessions      sign-in sessions and refresh tokens
 * @param passwords     Argon2id password hashing
 * @param authenticator users (JWT) and API keys, project selection, rate limits, route access
 * @param secrets       credentials encrypted at rest
 */
public record Security(AccessTokens accessTokens, Sessions sessions, PasswordHasher passwords,
                       CallerAuthenticator authenticator, SecretStore secrets) {

    /** Loads (or creates on first start) the keys and builds the services. */
    public static Security create(ArgusConfig config, DSLContext dsl, PasswordHasher passwords) {
        ArgusConfig.Security settings = config.security();
        var dataDir = config.database().dataDir();
        AccessTokens tokens = new AccessTokens(SigningKeys.load(settings.jwtKeys(), dataDir),
                settings.accessTokenTtl(), Clock.systemUTC());
        Sessions sessions = new Sessions(dsl, tokens, settings.refreshTokenTtl());
        CallerAuthenticator authenticator = new CallerAuthenticator(dsl, new ApiKeyAuthenticator(dsl), tokens,
                new RateLimiter(settings.rateLimitPerMinute()));
        SecretStore secrets = new SecretStore(dsl, new SecretCipher(MasterKey.load(settings.masterKey(), dataDir)));
        return new Security(tokens, sessions, passwords, authenticator, secrets);
    }

    /** The project a bearer access token may act on, for WebSocket upgrades; empty when it may not. */
    public Optional<UUID> projectForAccessToken(String token, Optional<String> requestedProject) {
        Optional<UUID> requested;
        try {
            requested = requestedProject.map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return authenticator.projectForAccessToken(token, requested);
    }
}
