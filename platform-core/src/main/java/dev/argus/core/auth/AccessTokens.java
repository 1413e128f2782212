package dev.argus.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.argus.core.server.ApiException;
import io.helidon.http.Status;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * JWT access tokens: HS256 with a {@code kid} header, issuer {@code argus}, audience
 * {@code argus-api}, subject = user id, {@code sid} = sign-in session. Anything else — another
 * algorithm (including {@code none}), an unknown {@code kid}, a bad signature, a wrong issuer or
 * audience, an expired token — is refused.
 */
public final class AccessTokens {

    static final String ISSUER = "argus";
    static final String AUDIENCE = "argus-api";
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final SigningKeys keys;
    private final Duration ttl;
    private final Clock clock;

    public AccessTokens(SigningKeys keys, Duration ttl, Clock clock) {
        this.keys = keys;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * What a valid token says.
     *
     * @param userId    the user
     * @param sessionId the sign-in session it belongs to
     */
    public record Claims(UUID userId, UUID sessionId) {
    }

    /** A signed token for {@code userId} in {@code sessionId}. */
    public String issue(UUID userId, UUID sessionId) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(userId.toString())
                .claim("sid", sessionId.toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SigningKeys.Key key = keys.signing();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.id())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(key.secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
        return jwt.serialize();
    }

    /** Lifetime of new tokens. */
    public Duration ttl() {
        return ttl;
    }

    /** Verifies a token; any failure is a 401 that does not say which check failed. */
    public Claims verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
                throw invalid();
            }
            SigningKeys.Key key = keys.find(header.getKeyID()).orElseThrow(AccessTokens::invalid);
            if (!jwt.verify(new MACVerifier(key.secret()))) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null
                    || !claims.getAudience().contains(AUDIENCE) || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isAfter(now)) {
                throw invalid();
            }
            return new Claims(UUID.fromString(claims.getSubject()), UUID.fromString(claims.getStringClaim("sid")));
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
    }

    static ApiException invalid() {
        return new ApiException(Status.UNAUTHORIZED_401, "invalid_token",
                "the access token is invalid or expired; sign in again or refresh it", Map.of(),
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }
}
