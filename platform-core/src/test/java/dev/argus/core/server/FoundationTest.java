package dev.argus.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.PasswordHasher;
import dev.argus.core.storage.jooq.Tables;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "pk-test1234abcd:sk-test0000000000000000secret";

    @TempDir
    static Path plugins;
    static RunningArgus argus;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of(
                "ARGUS_INIT_ADMIN_EMAIL", "Admin@Example.com",
                "ARGUS_INIT_ADMIN_PASSWORD", "correct horse battery staple",
                "ARGUS_INIT_PROJECT", "acme",
                "ARGUS_INIT_API_KEY", KEY,
                "ARGUS_SERVER_MAX_BODY_BYTES", "1024"));
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    @Test
    void healthIsUpWithDatabaseAndPluginChecks() throws Exception {
        HttpResponse<String> res = argus.get("/health");
        assertEquals(200, res.statusCode());
        JsonNode body = JSON.readTree(res.body());
        assertEquals("UP", body.path("status").asText());
        assertEquals("UP", body.path("checks").path("database").path("status").asText());
        assertEquals("external", body.path("checks").path("database").path("mode").asText());
        assertTrue(body.path("checks").path("plugins").path("started").asInt() >= 2);
        assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void pluginsListTheMockProviderFromItsJar() throws Exception {
        assertEquals(401, argus.get("/api/v1/plugins").statusCode());
        HttpResponse<String> res = argus.send(HttpRequest.newBuilder(argus.uri("/api/v1/plugins"))
                .header("Authorization", "Bearer sk-test0000000000000000secret"));
        assertEquals(200, res.statusCode());
        JsonNode mock = null;
        for (JsonNode item : JSON.readTree(res.body()).path("items")) {
            if (item.path("id").asText().equals("provider-mock")) {
                mock = item;
            }
        }
        assertTrue(mock != null, res.body());
        assertEquals("started", mock.path("state").asText());
        assertEquals("provider-mock.jar", mock.path("jar").asText());
        assertEquals("0.1.0", mock.path("version").asText());
        JsonNode extension = mock.path("extensions").get(0);
        assertEquals("mock", extension.path("id").asText());
        assertEquals("provider", extension.path("kind").asText());
        assertEquals("active", extension.path("state").asText());
    }

    @Test
    void unknownApiRoutesAnswerJson404() throws Exception {
        HttpResponse<String> res = argus.get("/api/v1/nothing-here");
        assertEquals(404, res.statusCode());
        assertEquals("not_found", JSON.readTree(res.body()).path("error").path("code").asText());
        assertTrue(res.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    }

    @Test
    void consoleIsServedWithSpaFallback() throws Exception {
        HttpResponse<String> root = argus.get("/");
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("Argus"));
        HttpResponse<String> deep = argus.get("/calls/some-client-route");
        assertEquals(200, deep.statusCode());
        assertEquals(root.body(), deep.body());
    }

    @Test
    void oversizedBodiesAreRejectedWithJson413() throws Exception {
        HttpResponse<String> res = argus.send(HttpRequest.newBuilder(argus.uri("/api/v1/plugins"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(5000) + "\"}")));
        assertEquals(413, res.statusCode());
        assertEquals("payload_too_large", JSON.readTree(res.body()).path("error").path("code").asText());
    }

    @Test
    void headlessInitCreatedProjectOwnerAndKeyOnce() {
        var dsl = argus.argus().database().dsl();
        var user = dsl.selectFrom(Tables.USERS).fetchOne();
        assertEquals("Admin@Example.com", user.getEmail());
        assertTrue(new PasswordHasher().matches("correct horse battery staple", user.getPasswordHash()));
        assertTrue(user.getPasswordHash().startsWith("$argon2id$"));
        var member = dsl.selectFrom(Tables.PROJECT_MEMBERS).fetchOne();
        assertEquals(ProjectRole.owner, member.getRole());
        var project = dsl.selectFrom(Tables.PROJECTS).fetchOne();
        assertEquals("acme", project.getName());
        var key = dsl.selectFrom(Tables.API_KEYS).fetchOne();
        assertEquals("pk-test1234abcd", key.getPublicKey());
        assertEquals(java.util.List.of("ingest", "proxy", "read"), java.util.List.of(key.getScopes()));
        assertTrue(java.util.Arrays.equals(ApiKeyCredentials.hashSecret("sk-test0000000000000000secret"),
                key.getSecretSha256()));
    }
}
