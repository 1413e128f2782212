package dev.argus.core.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-key and per-user token buckets answer 429 with {@code Retry-After} and {@code RateLimit-*} headers. */
class RateLimitTest {

    static final int LIMIT = 3;

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;
    static UUID project;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", String.valueOf(LIMIT)));
        fx = new Fixtures(argus);
        project = fx.project("limited");
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    /** A refill of one token takes 60/LIMIT = 20 s, far longer than these few requests. */
    static void exhaust(String bearer) throws Exception {
        for (int i = 0; i < LIMIT; i++) {
            HttpResponse<String> ok = fx.get("/api/v1/plugins", bearer);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(String.valueOf(LIMIT), ok.headers().firstValue("RateLimit-Limit").orElseThrow());
            assertEquals(String.valueOf(LIMIT - 1 - i), ok.headers().firstValue("RateLimit-Remaining").orElseThrow());
        }
        HttpResponse<String> limited = fx.get("/api/v1/plugins", bearer);
        assertEquals(429, limited.statusCode());
        assertEquals("rate_limited", Fixtures.errorCode(limited));
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("0", limited.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertTrue(Long.parseLong(limited.headers().firstValue("RateLimit-Reset").orElseThrow()) >= retryAfter);
    }

    @Test
    void eachApiKeyHasItsOwnBucket() throws Exception {
        ApiKeyCredentials first = fx.key(project, Fixtures.allScopes());
        ApiKeyCredentials second = fx.key(project, Fixtures.allScopes());
        exhaust(first.secret());
        assertEquals(200, fx.get("/api/v1/plugins", second.secret()).statusCode());
    }

    @Test
    void eachUserHasTheirOwnBucketAcrossSessions() throws Exception {
        fx.member(project, fx.user("u1@limit.test"), ProjectRole.viewer);
        fx.member(project, fx.user("u2@limit.test"), ProjectRole.viewer);
        String token = fx.token("u1@limit.test");
        exhaust(token);
        // a new session of the same user shares the bucket; another user does not
        assertEquals(429, fx.get("/api/v1/plugins", fx.token("u1@limit.test")).statusCode());
        assertEquals(200, fx.get("/api/v1/plugins", fx.token("u2@limit.test")).statusCode());
    }
}
