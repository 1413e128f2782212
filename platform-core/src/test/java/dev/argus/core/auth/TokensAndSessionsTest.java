package dev.argus.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access tokens (signature, algorithm, key id, expiry, rotation) and sessions (refresh rotation, reuse, logout). */
class TokensAndSessionsTest {

    static final byte[] NEW_KEY = "0123456789abcdef0123456789abcdef-new".getBytes(StandardCharsets.UTF_8);
    static final byte[] OLD_KEY = "0123456789abcdef0123456789abcdef-old".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;
    static UUID userId;
    static UUID sessionId;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        String keys = "k-new:" + Base64.getEncoder().encodeToString(NEW_KEY) + ",k-old:"
                + Base64.getEncoder().encodeToString(OLD_KEY);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_JWT_KEYS", keys,
                "ARGUS_SECURITY_LOGIN_ATTEMPTS_PER_MINUTE", "5"));
        fx = new Fixtures(argus);
        UUID project = fx.project("tokens");
        userId = fx.user("alice@tokens.test");
        fx.member(project, userId, ProjectRole.viewer);
        String token = fx.token("alice@tokens.test");
        sessionId = UUID.fromString(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("sid"));
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    static String sign(JWSAlgorithm alg, String kid, byte[] key, Instant expires, String issuer) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience("argus-api")
                .subject(userId.toString()).claim("sid", sessionId.toString()).issueTime(new Date())
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    static int me(String token) throws Exception {
        return fx.get("/api/v1/auth/me", token).statusCode();
    }

    @Test
    void loginAnswersTheTokenPairAndTheTokenIsSignedWithTheFirstKey() throws Exception {
        JsonNode pair = fx.login("alice@tokens.test", Fixtures.password());
        assertEquals("Bearer", pair.path("token_type").asText());
        assertEquals(900, pair.path("expires_in").asLong());
        assertTrue(pair.path("refresh_token").asText().startsWith("rt-"));
        SignedJWT jwt = SignedJWT.parse(pair.path("access_token").asText());
        assertEquals("k-new", jwt.getHeader().getKeyID());
        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        HttpResponse<String> me = fx.get("/api/v1/auth/me", pair.path("access_token").asText());
        assertEquals(200, me.statusCode(), me.body());
        JsonNode body = Fixtures.JSON.readTree(me.body());
        assertEquals("alice@tokens.test", body.path("user").path("email").asText());
        assertEquals("viewer", body.path("projects").get(0).path("role").asText());
        assertFalse(me.body().contains("password"));
    }

    @Test
    void tokensOfAnOlderKeyStillVerifyDuringRotation() throws Exception {
        assertEquals(200, me(sign(JWSAlgorithm.HS256, "k-old", OLD_KEY, Instant.now().plusSeconds(60), "argus")));
    }

    @Test
    void expiredTamperedForeignAndUnsignedTokensAreRejected() throws Exception {
        assertEquals(200, me(sign(JWSAlgorithm.HS256, "k-new", NEW_KEY, Instant.now().plusSeconds(60), "argus")));
        // expired (beyond the 30 s clock skew)
        assertEquals(401, me(sign(JWSAlgorithm.HS256, "k-new", NEW_KEY, Instant.now().minusSeconds(120), "argus")));
        // unknown kid, right secret
        assertEquals(401, me(sign(JWSAlgorithm.HS256, "k-other", NEW_KEY, Instant.now().plusSeconds(60), "argus")));
        // known kid, wrong secret
        byte[] wrong = "another-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
        assertEquals(401, me(sign(JWSAlgorithm.HS256, "k-new", wrong, Instant.now().plusSeconds(60), "argus")));
        // another HMAC algorithm with the right key
        byte[] longKey = (new String(NEW_KEY, StandardCharsets.UTF_8) + "-padding-to-64-bytes-for-hs512-xxxxxxxx")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(401, me(sign(JWSAlgorithm.HS512, "k-new", longKey, Instant.now().plusSeconds(60), "argus")));
        // wrong issuer
        assertEquals(401, me(sign(JWSAlgorithm.HS256, "k-new", NEW_KEY, Instant.now().plusSeconds(60), "someone")));
        // tampered payload: same signature, subject changed
        String valid = sign(JWSAlgorithm.HS256, "k-new", NEW_KEY, Instant.now().plusSeconds(60), "argus");
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(userId.toString(), UUID.randomUUID().toString());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertEquals(401, me(tampered));
        // alg=none, with and without a signature part
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k-new\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, me(none + "." + parts[1] + "."));
        assertEquals(401, me(none + "." + parts[1] + "." + parts[2]));
        // garbage
        assertEquals(401, me("not-a-token"));
        HttpResponse<String> res = fx.get("/api/v1/auth/me", "not-a-token");
        assertEquals("invalid_token", Fixtures.errorCode(res));
        assertTrue(res.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void refreshRotatesAndReuseRevokesTheWholeSession() throws Exception {
        UUID bob = fx.user("bob@tokens.test");
        JsonNode first = fx.login("bob@tokens.test", Fixtures.password());
        JsonNode second = refresh(first.path("refresh_token").asText(), 200);
        assertNotEquals(first.path("refresh_token").asText(), second.path("refresh_token").asText());
        assertEquals(200, me(second.path("access_token").asText()));
        // the first refresh token was used: presenting it again is reuse
        HttpResponse<String> reuse = fx.post("/api/v1/auth/refresh", body(first.path("refresh_token").asText()), null);
        assertEquals(401, reuse.statusCode());
        assertEquals("invalid_refresh_token", Fixtures.errorCode(reuse));
        // every token of the session is dead now: the newest refresh token and its access token
        refresh(second.path("refresh_token").asText(), 401);
        assertEquals(401, me(second.path("access_token").asText()));
        assertEquals(401, me(first.path("access_token").asText()));
        // another sign-in is a new session and works
        assertEquals(200, me(fx.token("bob@tokens.test")));
        int reuseEntries = fx.dsl().fetchCount(dev.argus.core.storage.jooq.Tables.AUDIT_LOG,
                dev.argus.core.storage.jooq.Tables.AUDIT_LOG.ACTION.eq("auth.refresh_reuse"),
                dev.argus.core.storage.jooq.Tables.AUDIT_LOG.ACTOR_USER_ID.eq(bob));
        assertEquals(1, reuseEntries);
    }

    @Test
    void anExpiredAccessTokenDoesNotBlockRefresh() throws Exception {
        fx.user("hank@tokens.test");
        JsonNode pair = fx.login("hank@tokens.test", Fixtures.password());
        String expired = sign(JWSAlgorithm.HS256, "k-new", NEW_KEY, Instant.now().minusSeconds(600), "argus");
        HttpResponse<String> res = fx.post("/api/v1/auth/refresh", body(pair.path("refresh_token").asText()), expired);
        assertEquals(200, res.statusCode(), res.body());
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() throws Exception {
        fx.user("carol@tokens.test");
        String refresh = fx.login("carol@tokens.test", Fixtures.password()).path("refresh_token").asText();
        var hashes = fx.dsl().select(dev.argus.core.storage.jooq.Tables.REFRESH_TOKENS.TOKEN_SHA256)
                .from(dev.argus.core.storage.jooq.Tables.REFRESH_TOKENS).fetch().getValues(0, byte[].class);
        assertTrue(hashes.stream().anyMatch(h -> java.util.Arrays.equals(h, ApiKeyCredentials.hashSecret(refresh))));
        assertTrue(hashes.stream().noneMatch(h -> new String(h, StandardCharsets.ISO_8859_1).contains(refresh)));
    }

    @Test
    void logoutEndsTheSessionAtOnce() throws Exception {
        fx.user("dave@tokens.test");
        JsonNode pair = fx.login("dave@tokens.test", Fixtures.password());
        assertEquals(200, me(pair.path("access_token").asText()));
        assertEquals(204, fx.post("/api/v1/auth/logout", body(pair.path("refresh_token").asText()), null).statusCode());
        assertEquals(401, me(pair.path("access_token").asText()));
        refresh(pair.path("refresh_token").asText(), 401);
    }

    @Test
    void changingThePasswordRevokesOtherSessions() throws Exception {
        fx.user("erin@tokens.test");
        String old = fx.token("erin@tokens.test");
        String change = "{\"current_password\":\"" + Fixtures.password() + "\",\"new_password\":\"a brand new passphrase\"}";
        HttpResponse<String> res = fx.post("/api/v1/auth/password", change, old);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(401, me(old));
        assertEquals(200, me(Fixtures.JSON.readTree(res.body()).path("access_token").asText()));
        assertEquals(200, me(fx.login("erin@tokens.test", "a brand new passphrase").path("access_token").asText()));
    }

    @Test
    void disabledUsersAreLockedOutAtOnce() throws Exception {
        UUID frank = fx.user("frank@tokens.test");
        String token = fx.token("frank@tokens.test");
        fx.dsl().update(dev.argus.core.storage.jooq.Tables.USERS).set(dev.argus.core.storage.jooq.Tables.USERS.DISABLED, true)
                .where(dev.argus.core.storage.jooq.Tables.USERS.ID.eq(frank)).execute();
        assertEquals(401, me(token));
        assertEquals(401, fx.post("/api/v1/auth/login", login("frank@tokens.test", Fixtures.password()), null).statusCode());
    }

    @Test
    void wrongPasswordsAndUnknownAddressesLookAlikeAndAreThrottled() throws Exception {
        fx.user("gina@tokens.test");
        HttpResponse<String> wrong = fx.post("/api/v1/auth/login", login("gina@tokens.test", "wrong password!"), null);
        HttpResponse<String> unknown = fx.post("/api/v1/auth/login", login("nobody@tokens.test", "wrong password!"), null);
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = fx.post("/api/v1/auth/login", login("gina@tokens.test", "wrong password!"), null);
            if (last.statusCode() == 429) {
                break;
            }
        }
        assertEquals(429, last.statusCode(), last.body());
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        // the right password is throttled too while the bucket is empty: guessing cannot continue
        assertEquals(429, fx.post("/api/v1/auth/login", login("gina@tokens.test", Fixtures.password()), null).statusCode());
    }

    @Test
    void loginValidatesItsBody() throws Exception {
        assertEquals(400, fx.post("/api/v1/auth/login", "{\"email\":\"x@y.z\"}", null).statusCode());
        assertEquals(400, fx.post("/api/v1/auth/login", "{\"email\":\"x@y.z\",\"password\":\"p\",\"extra\":1}", null)
                .statusCode());
        assertEquals(400, fx.post("/api/v1/auth/login", "not json", null).statusCode());
    }

    private static String login(String email, String password) throws Exception {
        return Fixtures.JSON.writeValueAsString(Map.of("email", email, "password", password));
    }

    private static String body(String refreshToken) throws Exception {
        return Fixtures.JSON.writeValueAsString(Map.of("refresh_token", refreshToken));
    }

    private static JsonNode refresh(String refreshToken, int expectedStatus) throws Exception {
        HttpResponse<String> res = fx.post("/api/v1/auth/refresh", body(refreshToken), null);
        assertEquals(expectedStatus, res.statusCode(), res.body());
        return Fixtures.JSON.readTree(res.body());
    }
}
