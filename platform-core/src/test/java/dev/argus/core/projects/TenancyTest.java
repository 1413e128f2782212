package dev.argus.core.projects;

import static dev.argus.core.storage.jooq.Tables.SECRETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects, members, invitations, users, API keys, secrets and the audit log over real HTTP, with the
 * tenancy promises: another project's ids answer 404, revoked keys stop at once, secrets never appear
 * in responses, the audit log or the logs (every log record of the run is captured and searched).
 */
class TenancyTest {

    static final String ADMIN = "admin@acme.test";
    static final String ADMIN_PASSWORD = "init admin password 1";
    static final String INIT_KEY = "pk-tenancy0001:sk-tenancyinitsecret0000000001";
    static final String SECRET_VALUE = "sk-live-SUPERSECRET-value-0123456789abcd";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fx;
    static String admin;
    static UUID acme;
    static final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();
    static final Set<String> sensitive = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static Handler capture;

    @BeforeAll
    static void start() throws Exception {
        SimpleFormatter formatter = new SimpleFormatter();
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder text = new StringBuilder(formatter.format(record));
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    text.append(trace);
                }
                logs.add(text.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        Logger.getLogger("").addHandler(capture);
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of(
                "ARGUS_INIT_ADMIN_EMAIL", ADMIN, "ARGUS_INIT_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "ARGUS_INIT_PROJECT", "acme", "ARGUS_INIT_API_KEY", INIT_KEY,
                "ARGUS_SECURITY_CORS_ORIGINS", "https://console.example.com",
                "ARGUS_SECURITY_TRUST_PROXY", "true"));
        fx = new Fixtures(argus);
        sensitive.addAll(List.of(ADMIN_PASSWORD, "sk-tenancyinitsecret0000000001", SECRET_VALUE, Fixtures.password()));
        JsonNode pair = fx.login(ADMIN, ADMIN_PASSWORD);
        admin = pair.path("access_token").asText();
        sensitive.add(pair.path("refresh_token").asText());
        JsonNode me = json(fx.get("/api/v1/auth/me", admin));
        acme = UUID.fromString(me.path("projects").get(0).path("id").asText());
        assertEquals("owner", me.path("projects").get(0).path("role").asText());
        assertTrue(me.path("user").path("instance_admin").asBoolean());
    }

    @AfterAll
    static void stop() {
        argus.close();
        Logger.getLogger("").removeHandler(capture);
        String all = String.join("\n", logs);
        assertFalse(logs.isEmpty());
        for (String secret : sensitive) {
            assertFalse(all.contains(secret), "a secret appeared in the logs: " + secret.substring(0, 6) + "…");
        }
    }

    static JsonNode json(HttpResponse<String> res) throws Exception {
        return Fixtures.JSON.readTree(res.body());
    }

    /** A user of their own new project, signed in; returns {token, projectId}. */
    static String[] outsider(String email) throws Exception {
        fx.user(email);
        String token = fx.token(email);
        HttpResponse<String> created = fx.post("/api/v1/projects", "{\"name\":\"own\"}", token);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("owner", json(created).path("role").asText());
        return new String[] {token, json(created).path("id").asText()};
    }

    @Test
    void anotherProjectsIdsAnswer404LikeIdsThatDoNotExist() throws Exception {
        String[] other = outsider("mallory@other.test");
        HttpResponse<String> foreign = fx.get("/api/v1/projects/" + acme + "/members", other[0]);
        HttpResponse<String> missing = fx.get("/api/v1/projects/" + UUID.randomUUID() + "/members", other[0]);
        assertEquals(404, foreign.statusCode());
        assertEquals(missing.statusCode(), foreign.statusCode());
        assertEquals(missing.body(), foreign.body());
        assertEquals(404, fx.get("/api/v1/api-keys", other[0], "X-Argus-Project", acme.toString()).statusCode());
        assertEquals(404, fx.get("/api/v1/audit?project_id=" + acme, other[0]).statusCode());
        // an id from acme used inside the outsider's own project is simply not found there
        String keyId = json(fx.post("/api/v1/api-keys", "{\"name\":\"acme key\",\"scopes\":[\"read\"]}", admin,
                "X-Argus-Project", acme.toString())).path("id").asText();
        assertEquals(404, fx.send("DELETE", "/api/v1/api-keys/" + keyId, null, other[0],
                "X-Argus-Project", other[1]).statusCode());
        var row = fx.dsl().selectFrom(dev.argus.core.storage.jooq.Tables.API_KEYS)
                .where(dev.argus.core.storage.jooq.Tables.API_KEYS.ID.eq(UUID.fromString(keyId))).fetchOne();
        assertEquals(null, row.getRevokedAt());
        // an API key of acme cannot reach into the outsider's project
        assertEquals(404, fx.get("/api/v1/plugins", "sk-tenancyinitsecret0000000001", "X-Argus-Project", other[1])
                .statusCode());
        // the outsider's project list shows only their own project
        JsonNode mine = json(fx.get("/api/v1/projects", other[0]));
        assertEquals(1, mine.path("items").size());
        assertEquals(other[1], mine.path("items").get(0).path("id").asText());
    }

    @Test
    void usersInSeveralProjectsMustSayWhichOne() throws Exception {
        String[] multi = outsider("multi@acme.test");
        fx.member(acme, fx.dsl().select(dev.argus.core.storage.jooq.Tables.USERS.ID)
                .from(dev.argus.core.storage.jooq.Tables.USERS)
                .where(dev.argus.core.storage.jooq.Tables.USERS.EMAIL.eq("multi@acme.test")).fetchOne().value1(),
                dev.argus.core.storage.jooq.enums.ProjectRole.viewer);
        HttpResponse<String> ambiguous = fx.get("/api/v1/plugins", multi[0]);
        assertEquals(400, ambiguous.statusCode());
        assertEquals("project_required", Fixtures.errorCode(ambiguous));
        assertEquals(200, fx.get("/api/v1/plugins", multi[0], "X-Argus-Project", acme.toString()).statusCode());
        assertEquals(200, fx.get("/api/v1/plugins?project_id=" + multi[1], multi[0]).statusCode());
        assertEquals(404, fx.get("/api/v1/plugins", multi[0], "X-Argus-Project", "not-a-uuid").statusCode());
    }

    @Test
    void apiKeySecretsAreShownOnceAndRevocationIsImmediate() throws Exception {
        HttpResponse<String> created = fx.post("/api/v1/api-keys", "{\"name\":\"ci\",\"scopes\":[\"read\",\"ingest\"]}",
                admin, "X-Argus-Project", acme.toString());
        assertEquals(201, created.statusCode(), created.body());
        JsonNode key = json(created);
        String secret = key.path("secret").asText();
        sensitive.add(secret);
        assertTrue(secret.startsWith("sk-"));
        assertEquals(key.path("public_key").asText() + ":" + secret, key.path("key").asText());
        assertEquals(200, fx.get("/api/v1/plugins", secret).statusCode());
        assertEquals(200, fx.get("/api/v1/plugins", null, "X-Argus-Key", key.path("key").asText()).statusCode());
        HttpResponse<String> list = fx.get("/api/v1/api-keys", admin);
        assertFalse(list.body().contains(secret));
        JsonNode listed = null;
        for (JsonNode item : json(list).path("items")) {
            if (item.path("id").asText().equals(key.path("id").asText())) {
                listed = item;
            }
        }
        assertNotNull(listed);
        assertEquals("sk-…", listed.path("secret").asText());
        assertFalse(listed.path("last_used_at").isNull());
        assertEquals(204, fx.send("DELETE", "/api/v1/api-keys/" + key.path("id").asText(), null, admin).statusCode());
        HttpResponse<String> after = fx.get("/api/v1/plugins", secret);
        assertEquals(401, after.statusCode());
        assertEquals("invalid_api_key", Fixtures.errorCode(after));
        assertEquals(400, fx.post("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"admin\"]}", admin).statusCode());
        assertEquals(400, fx.post("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[]}", admin).statusCode());
    }

    @Test
    void membersAreManagedByAdminsAndOwnersKeepTheOwnerRole() throws Exception {
        String body = "{\"email\":\"ivan@acme.test\",\"password\":\"ivans password 1\",\"role\":\"admin\"}";
        HttpResponse<String> created = fx.post("/api/v1/users", body, admin);
        assertEquals(201, created.statusCode(), created.body());
        assertFalse(created.body().contains("ivans password 1"));
        sensitive.add("ivans password 1");
        UUID ivan = UUID.fromString(json(created).path("id").asText());
        String ivanToken = fx.login("ivan@acme.test", "ivans password 1").path("access_token").asText();
        assertEquals(409, fx.post("/api/v1/users", body, admin).statusCode());
        // an admin may add members but not owners
        fx.user("judy@acme.test");
        HttpResponse<String> asOwner = fx.post("/api/v1/projects/" + acme + "/members",
                "{\"email\":\"judy@acme.test\",\"role\":\"owner\"}", ivanToken);
        assertEquals(403, asOwner.statusCode());
        HttpResponse<String> added = fx.post("/api/v1/projects/" + acme + "/members",
                "{\"email\":\"judy@acme.test\",\"role\":\"viewer\"}", ivanToken);
        assertEquals(201, added.statusCode(), added.body());
        String judy = json(added).path("user_id").asText();
        assertEquals(409, fx.post("/api/v1/projects/" + acme + "/members",
                "{\"email\":\"judy@acme.test\"}", ivanToken).statusCode());
        HttpResponse<String> promoted = fx.send("PATCH", "/api/v1/projects/" + acme + "/members/" + judy,
                "{\"role\":\"member\"}", ivanToken);
        assertEquals(200, promoted.statusCode(), promoted.body());
        assertEquals("member", json(promoted).path("role").asText());
        assertEquals(400, fx.send("PATCH", "/api/v1/projects/" + acme + "/members/" + judy, "{\"role\":\"boss\"}",
                ivanToken).statusCode());
        JsonNode members = json(fx.get("/api/v1/projects/" + acme + "/members?limit=2", admin));
        assertEquals(2, members.path("items").size());
        JsonNode rest = json(fx.get("/api/v1/projects/" + acme + "/members?limit=2&cursor="
                + members.path("next_cursor").asText(), admin));
        Set<String> seen = new HashSet<>();
        members.path("items").forEach(m -> seen.add(m.path("user_id").asText()));
        rest.path("items").forEach(m -> assertTrue(seen.add(m.path("user_id").asText())));
        assertTrue(seen.contains(judy));
        assertEquals(204, fx.send("DELETE", "/api/v1/projects/" + acme + "/members/" + judy, null, ivanToken).statusCode());
        // the last owner can neither leave nor be demoted
        String adminId = json(fx.get("/api/v1/auth/me", admin)).path("user").path("id").asText();
        HttpResponse<String> demote = fx.send("PATCH", "/api/v1/projects/" + acme + "/members/" + adminId,
                "{\"role\":\"admin\"}", admin);
        assertEquals(409, demote.statusCode());
        assertEquals("last_owner", Fixtures.errorCode(demote));
        assertEquals(403, fx.send("DELETE", "/api/v1/projects/" + acme + "/members/" + adminId, null, ivanToken)
                .statusCode());
        // disabling a user ends their sessions at once
        assertEquals(200, fx.get("/api/v1/api-keys", ivanToken).statusCode());
        HttpResponse<String> disabled = fx.send("PATCH", "/api/v1/users/" + ivan, "{\"disabled\":true}", admin);
        assertEquals(200, disabled.statusCode(), disabled.body());
        assertEquals(401, fx.get("/api/v1/api-keys", ivanToken).statusCode());
    }

    @Test
    void invitationsCreateAccountsOnce() throws Exception {
        HttpResponse<String> invited = fx.post("/api/v1/projects/" + acme + "/invitations",
                "{\"email\":\"kim@new.test\",\"role\":\"member\"}", admin);
        assertEquals(201, invited.statusCode(), invited.body());
        String token = json(invited).path("token").asText();
        sensitive.add(token);
        HttpResponse<String> pending = fx.get("/api/v1/projects/" + acme + "/invitations", admin);
        assertTrue(pending.body().contains("kim@new.test"));
        assertFalse(pending.body().contains(token));
        String accept = "{\"token\":\"" + token + "\",\"password\":\"kims passphrase\",\"display_name\":\"Kim\"}";
        sensitive.add("kims passphrase");
        HttpResponse<String> accepted = fx.post("/api/v1/invitations/accept", accept, null);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertTrue(json(accepted).path("user_created").asBoolean());
        assertEquals(404, fx.post("/api/v1/invitations/accept", accept, null).statusCode());
        JsonNode me = json(fx.get("/api/v1/auth/me", fx.login("kim@new.test", "kims passphrase")
                .path("access_token").asText()));
        assertEquals("member", me.path("projects").get(0).path("role").asText());
        assertEquals(acme.toString(), me.path("projects").get(0).path("id").asText());
    }

    @Test
    void secretsAreEncryptedAndNeverReturned() throws Exception {
        HttpResponse<String> put = fx.send("PUT", "/api/v1/secrets/provider.openai.api_key",
                "{\"value\":\"" + SECRET_VALUE + "\"}", admin);
        assertEquals(200, put.statusCode(), put.body());
        assertFalse(put.body().contains(SECRET_VALUE));
        assertEquals("…abcd", json(put).path("hint").asText());
        HttpResponse<String> list = fx.get("/api/v1/secrets", admin);
        assertTrue(list.body().contains("provider.openai.api_key"));
        assertFalse(list.body().contains(SECRET_VALUE));
        assertEquals(SECRET_VALUE, argus.argus().secrets().get(acme, "provider.openai.api_key").orElseThrow());
        byte[] stored = fx.dsl().select(SECRETS.CIPHERTEXT).from(SECRETS).where(SECRETS.PROJECT_ID.eq(acme)).fetchOne().value1();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("SUPERSECRET"));
        assertEquals(400, fx.send("PUT", "/api/v1/secrets/Bad%20Name", "{\"value\":\"x\"}", admin).statusCode());
        HttpResponse<String> audit = fx.get("/api/v1/audit?action=secret.create", admin);
        assertEquals(1, json(audit).path("items").size());
        assertFalse(audit.body().contains(SECRET_VALUE));
        assertEquals(204, fx.send("DELETE", "/api/v1/secrets/provider.openai.api_key", null, admin).statusCode());
        assertTrue(argus.argus().secrets().get(acme, "provider.openai.api_key").isEmpty());
    }

    @Test
    void theAuditLogPagesNewestFirstAndExports() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, fx.send("PATCH", "/api/v1/projects/" + acme, "{\"name\":\"acme\"}", admin).statusCode());
        }
        HttpResponse<String> first = fx.get("/api/v1/audit?action=project.rename&limit=2", admin,
                "X-Forwarded-For", "203.0.113.7");
        assertEquals(200, first.statusCode(), first.body());
        JsonNode page = json(first);
        assertEquals(2, page.path("items").size());
        long a = page.path("items").get(0).path("id").asLong();
        long b = page.path("items").get(1).path("id").asLong();
        assertTrue(a > b);
        JsonNode next = json(fx.get("/api/v1/audit?action=project.rename&limit=2&cursor="
                + page.path("next_cursor").asText(), admin));
        assertTrue(next.path("items").size() >= 1);
        assertTrue(next.path("items").get(0).path("id").asLong() < b);
        JsonNode entry = page.path("items").get(0);
        assertEquals("project", entry.path("target_type").asText());
        assertEquals(acme.toString(), entry.path("target_id").asText());
        assertEquals("acme", entry.path("summary").path("name_after").asText());
        assertFalse(entry.path("actor_user_id").isNull());
        assertFalse(entry.path("ip").asText().isEmpty());
        HttpResponse<String> export = fx.get("/api/v1/audit/export?action=project.rename", admin);
        assertEquals(200, export.statusCode());
        assertTrue(export.headers().firstValue("Content-Type").orElseThrow().startsWith("application/x-ndjson"));
        assertTrue(export.body().strip().split("\n").length >= 3);
        assertEquals(400, fx.get("/api/v1/audit?limit=0", admin).statusCode());
        assertEquals(400, fx.get("/api/v1/audit?cursor=%21%21%21", admin).statusCode());
        // the forwarded address is believed because security.trust_proxy is on
        fx.send("PATCH", "/api/v1/projects/" + acme, "{\"name\":\"acme\"}", admin, "X-Forwarded-For", "203.0.113.9");
        JsonNode latest = json(fx.get("/api/v1/audit?limit=1", admin)).path("items").get(0);
        assertEquals("203.0.113.9", latest.path("ip").asText());
    }

    @Test
    void webHygieneHeadersAndCors() throws Exception {
        HttpResponse<String> api = fx.get("/api/v1/auth/me", admin, "Origin", "https://console.example.com");
        assertEquals("https://console.example.com", api.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("default-src 'none'; frame-ancestors 'none'",
                api.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(api.headers().firstValue("RateLimit-Limit").isPresent());
        assertTrue(api.headers().firstValue("Strict-Transport-Security").isEmpty());
        HttpResponse<String> evil = fx.get("/api/v1/auth/me", admin, "Origin", "https://evil.example.com");
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> preflight = fx.send("OPTIONS", "/api/v1/projects", null, null,
                "Origin", "https://console.example.com", "Access-Control-Request-Method", "POST");
        assertEquals(204, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("Authorization"));
        assertEquals(403, fx.send("OPTIONS", "/api/v1/projects", null, null,
                "Origin", "https://evil.example.com", "Access-Control-Request-Method", "POST").statusCode());
        HttpResponse<String> console = fx.get("/", null, "X-Forwarded-Proto", "https");
        assertTrue(console.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(console.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
    }

    @Test
    void projectsAreCreatedRenamedAndDeletedByTheirOwners() throws Exception {
        String[] own = outsider("olga@own.test");
        assertEquals(409, fx.post("/api/v1/projects", "{\"name\":\"own\"}", own[0]).statusCode());
        HttpResponse<String> second = fx.post("/api/v1/projects", "{\"name\":\"second\"}", own[0]);
        assertEquals(201, second.statusCode());
        String id = json(second).path("id").asText();
        assertEquals(json(fx.get("/api/v1/projects/" + own[1], own[0])).path("organization_id").asText(),
                json(second).path("organization_id").asText());
        assertEquals(400, fx.post("/api/v1/projects", "{\"name\":\"\"}", own[0]).statusCode());
        assertEquals(204, fx.send("DELETE", "/api/v1/projects/" + id, null, own[0]).statusCode());
        assertEquals(404, fx.get("/api/v1/projects/" + id, own[0]).statusCode());
        List<String> actions = new ArrayList<>();
        fx.dsl().select(dev.argus.core.storage.jooq.Tables.AUDIT_LOG.ACTION).from(dev.argus.core.storage.jooq.Tables.AUDIT_LOG)
                .where(dev.argus.core.storage.jooq.Tables.AUDIT_LOG.PROJECT_ID.eq(UUID.fromString(id)))
                .fetch().forEach(r -> actions.add(r.value1()));
        assertEquals(List.of("project.create", "project.delete"), actions.stream().sorted().toList());
    }
}
