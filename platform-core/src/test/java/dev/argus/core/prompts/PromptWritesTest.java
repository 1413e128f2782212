package dev.argus.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.core.server.RouteTable;
import dev.argus.core.storage.Database;
import dev.argus.core.storage.jooq.Tables;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The write routes (versions, labels, experiments) over real HTTP and PostgreSQL, called as project
 * members. User sessions (JWT) are not built yet, so this server authenticates users by a header
 * naming a real user whose role is read from {@code project_members} — a stand-in for the session
 * authenticator, replacing only how the user is identified; Access checks, routes, store and
 * database are the production ones. API keys still go through the real {@link ApiKeyAuthenticator}.
 */
class PromptWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Database database;
    static PromptCache otherNodeCache;
    static UUID projectA;
    static UUID projectB;
    static UUID member;
    static UUID viewer;
    static UUID outsider;

    static RunningArgus argus;
    static Fixtures fixtures;
    static final Map<UUID, String> TOKENS = new java.util.HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        argus = RunningArgus.start(java.nio.file.Files.createTempDirectory("plugins"), Map.of());
        fixtures = new Fixtures(argus);
        database = argus.argus().database();
        projectA = fixtures.project("a");
        projectB = fixtures.project("b");
        member = user("member@example.com", projectA, ProjectRole.member);
        viewer = user("viewer@example.com", projectA, ProjectRole.viewer);
        outsider = user("outsider@example.com", projectB, ProjectRole.owner);
        // a second node's cache on the same database, invalidated only through NOTIFY
        otherNodeCache = new PromptCache(Duration.ofMinutes(10));
        PromptChangeListener.start(database.dataSource(), otherNodeCache);
    }

    private static UUID user(String email, UUID project, ProjectRole role) throws Exception {
        UUID id = fixtures.user(email);
        fixtures.member(project, id, role);
        TOKENS.put(id, fixtures.token(email));
        return id;
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    private static HttpResponse<String> call(UUID user, UUID project, String method, String path, String body) throws Exception {
        return fixtures.send(method, path, body, TOKENS.get(user), "X-Argus-Project", project.toString());
    }

    private static JsonNode status(int expected, HttpResponse<String> res) throws Exception {
        assertEquals(expected, res.statusCode(), res.body());
        return JSON.readTree(res.body());
    }

    private static JsonNode create(String name, String body) throws Exception {
        return status(201, call(member, projectA, "POST", "/api/v1/prompts/" + name + "/versions", body));
    }

    @Test
    void versionsAreAppendedAndLabelsMoveAndRollBack() throws Exception {
        JsonNode v1 = create("faq", """
                {"template":"Answer {{question}}.","model":"gpt-4o-mini","parameters":{"temperature":0},
                 "commit_message":"first","labels":["production"]}""");
        assertEquals(1, v1.path("version").asInt());
        assertEquals(member.toString(), v1.path("author").path("user_id").asText());
        assertEquals("[\"production\"]", v1.path("labels").toString());
        JsonNode v2 = create("faq", "{\"template\":\"Answer {{question}} briefly.\",\"labels\":[\"staging\"]}");
        assertEquals(2, v2.path("version").asInt());

        // prime the cache, promote, and read the new version at once
        assertEquals(1, status(200, call(viewer, projectA, "GET", "/api/v1/prompts/faq", null)).path("version").asInt());
        JsonNode move = status(200, call(member, projectA, "PUT", "/api/v1/prompts/faq/labels/production", "{\"version\":2}"));
        assertEquals(1, move.path("from_version").asInt());
        assertEquals(2, move.path("to_version").asInt());
        assertEquals(2, status(200, call(viewer, projectA, "GET", "/api/v1/prompts/faq", null)).path("version").asInt());
        // rollback is moving the label back
        status(200, call(member, projectA, "PUT", "/api/v1/prompts/faq/labels/production", "{\"version\":1}"));
        assertEquals(1, status(200, call(viewer, projectA, "GET", "/api/v1/prompts/faq?label=production", null)).path("version").asInt());

        JsonNode labels = status(200, call(viewer, projectA, "GET", "/api/v1/prompts/faq/labels", null));
        assertEquals(2, labels.path("items").size());
        List<String> moves = new ArrayList<>();
        labels.path("moves").forEach(m -> moves.add(m.path("label").asText() + ":" + m.path("from_version").asText() + "->"
                + m.path("to_version").asInt()));
        assertEquals(List.of("production:2->1", "production:1->2", "staging:null->2", "production:null->1"), moves);
        status(404, call(member, projectA, "PUT", "/api/v1/prompts/faq/labels/production", "{\"version\":9}"));
        status(400, call(member, projectA, "PUT", "/api/v1/prompts/faq/labels/latest", "{\"version\":1}"));
        status(400, call(member, projectA, "PUT", "/api/v1/prompts/faq/labels/Prod!", "{\"version\":1}"));
    }

    @Test
    void otherNodesDropChangedPromptsThroughNotify() throws Exception {
        create("notified", "{\"template\":\"one\",\"labels\":[\"production\"]}");
        create("notified", "{\"template\":\"two\"}");
        PromptStore store = new PromptStore(database.dsl());
        Optional<PromptVersion> cached = otherNodeCache.get(projectA, "notified", "label:production",
                () -> store.find(projectA, "notified", new Selector.ByLabel("production")));
        assertEquals(1, cached.orElseThrow().version());
        status(200, call(member, projectA, "PUT", "/api/v1/prompts/notified/labels/production", "{\"version\":2}"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<PromptVersion> seen = cached;
        while (seen.orElseThrow().version() == 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = otherNodeCache.get(projectA, "notified", "label:production",
                    () -> store.find(projectA, "notified", new Selector.ByLabel("production")));
        }
        assertEquals(2, seen.orElseThrow().version(), "the other node's cache was invalidated by NOTIFY");
    }

    @Test
    void chatPromptsAndValidation() throws Exception {
        JsonNode chat = create("helper", """
                {"messages":[{"role":"system","content":"You help with {{topic}}."},{"role":"user","content":"{{q}}"}]}""");
        assertEquals("chat", chat.path("type").asText());
        assertEquals("[\"topic\",\"q\"]", chat.path("variables").toString());
        assertTrue(chat.path("labels").isEmpty());
        status(400, call(member, projectA, "POST", "/api/v1/prompts/helper/versions", "{\"template\":\"x\",\"messages\":[]}"));
        status(400, call(member, projectA, "POST", "/api/v1/prompts/helper/versions", "{}"));
        status(400, call(member, projectA, "POST", "/api/v1/prompts/helper/versions", "{\"messages\":[{\"role\":\"user\"}]}"));
        status(400, call(member, projectA, "POST", "/api/v1/prompts/bad%20name/versions", "{\"template\":\"x\"}"));
        status(400, call(member, projectA, "POST", "/api/v1/prompts/helper/versions", "{\"template\":\"x\",\"extra\":1}"));
        status(400, call(member, projectA, "POST", "/api/v1/prompts/helper/versions", "{\"template\":\"x\",\"labels\":[\"latest\"]}"));
    }

    @Test
    void rolesAndProjectsAreEnforced() throws Exception {
        create("guarded", "{\"template\":\"x\",\"labels\":[\"production\"]}");
        status(403, call(viewer, projectA, "POST", "/api/v1/prompts/guarded/versions", "{\"template\":\"y\"}"));
        status(403, call(viewer, projectA, "PUT", "/api/v1/prompts/guarded/labels/production", "{\"version\":1}"));
        status(200, call(viewer, projectA, "GET", "/api/v1/prompts/guarded", null));
        // an owner of project B sees nothing of A, and writes land in B
        status(404, call(outsider, projectB, "GET", "/api/v1/prompts/guarded", null));
        status(404, call(outsider, projectB, "PUT", "/api/v1/prompts/guarded/labels/production", "{\"version\":1}"));
        status(404, call(outsider, projectB, "POST", "/api/v1/prompts/guarded/experiments",
                "{\"name\":\"e\",\"primary_metric\":\"m\",\"variants\":[{\"version\":1,\"weight\":1},{\"version\":2,\"weight\":1}]}"));
        JsonNode own = status(201, call(outsider, projectB, "POST", "/api/v1/prompts/guarded/versions", "{\"template\":\"B\"}"));
        assertEquals(1, own.path("version").asInt());
        assertEquals("x", status(200, call(viewer, projectA, "GET", "/api/v1/prompts/guarded?version=1", null)).path("template").asText());
    }

    @Test
    void versionsAreImmutableInTheDatabase() throws Exception {
        create("frozen", "{\"template\":\"original\"}");
        var dsl = database.dsl();
        assertThrows(org.jooq.exception.DataAccessException.class, () -> dsl.update(Tables.PROMPT_VERSIONS)
                .set(Tables.PROMPT_VERSIONS.TEMPLATE, "changed").where(Tables.PROMPT_VERSIONS.PROJECT_ID.eq(projectA)).execute());
        assertEquals("original", status(200, call(viewer, projectA, "GET", "/api/v1/prompts/frozen?label=latest", null))
                .path("template").asText());
    }

    @Test
    void concurrentWritersGetDistinctVersionNumbers() throws Exception {
        create("busy", "{\"template\":\"v\"}");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String body = "{\"template\":\"v" + i + "\",\"labels\":[\"production\"]}";
            tasks.add(() -> JSON.readTree(call(member, projectA, "POST", "/api/v1/prompts/busy/versions", body).body())
                    .path("version").asInt());
        }
        Set<Integer> versions = new HashSet<>();
        for (Future<Integer> f : pool.invokeAll(tasks)) {
            versions.add(f.get());
        }
        pool.shutdown();
        assertEquals(12, versions.size());
        assertEquals(Set.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13), versions);
        JsonNode production = status(200, call(viewer, projectA, "GET", "/api/v1/prompts/busy", null));
        JsonNode labels = status(200, call(viewer, projectA, "GET", "/api/v1/prompts/busy/labels", null));
        assertEquals(production.path("version").asInt(), labels.path("items").get(0).path("version").asInt());
        assertEquals(12, labels.path("moves").size());
    }

    @Test
    void experimentsAssignUsersStickilyByWeight() throws Exception {
        create("ab", "{\"template\":\"control {{x}}\",\"labels\":[\"production\"]}");
        create("ab", "{\"template\":\"challenger {{x}}\"}");
        JsonNode experiment = status(201, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments", """
                {"name":"shorter answers","primary_metric":"latency_ms","guardrails":["error_rate","cost_usd"],
                 "variants":[{"version":1,"weight":50},{"version":2,"weight":50}]}"""));
        assertEquals("running", experiment.path("status").asText());
        assertEquals("[\"error_rate\",\"cost_usd\"]", experiment.path("guardrails").toString());
        status(409, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments", """
                {"name":"again","primary_metric":"m","variants":[{"version":1,"weight":1},{"version":2,"weight":1}]}"""));
        status(404, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments", """
                {"name":"missing","primary_metric":"m","variants":[{"version":1,"weight":1},{"version":5,"weight":1}]}"""));
        status(400, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments", """
                {"name":"one","primary_metric":"m","variants":[{"version":1,"weight":1}]}"""));
        status(400, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments", """
                {"name":"dup","primary_metric":"m","variants":[{"version":1,"weight":1},{"version":1,"weight":1}]}"""));

        UUID id = UUID.fromString(experiment.path("id").asText());
        int[] counts = new int[3];
        for (int u = 0; u < 200; u++) {
            JsonNode r = status(200, call(viewer, projectA, "GET", "/api/v1/prompts/ab/resolve?user=user-" + u, null));
            assertEquals("experiment", r.path("source").asText());
            int version = r.path("version").asInt();
            assertEquals(id.toString(), r.path("experiment").path("id").asText());
            assertEquals(version == 1 ? "control {{x}}" : "challenger {{x}}", r.path("prompt").path("template").asText());
            assertEquals(VariantAssigner.assign(id, "user-" + u, List.of(new Experiment.Variant(1, 50),
                    new Experiment.Variant(2, 50))), r.path("experiment").path("variant").asInt());
            JsonNode again = status(200, call(viewer, projectA, "GET", "/api/v1/prompts/ab/resolve?user=user-" + u, null));
            assertEquals(version, again.path("version").asInt(), "sticky");
            counts[version]++;
        }
        assertTrue(counts[1] > 60 && counts[2] > 60, "both variants served: " + counts[1] + "/" + counts[2]);

        JsonNode list = status(200, call(viewer, projectA, "GET", "/api/v1/prompts/ab/experiments", null));
        assertEquals(1, list.path("items").size());
        JsonNode stopped = status(200, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments/" + id + "/stop", null));
        assertEquals("stopped", stopped.path("status").asText());
        assertNotEquals("", stopped.path("stopped_at").asText());
        JsonNode after = status(200, call(viewer, projectA, "GET", "/api/v1/prompts/ab/resolve?user=user-1", null));
        assertEquals("label", after.path("source").asText());
        assertEquals(1, after.path("version").asInt());
        status(404, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments/" + UUID.randomUUID() + "/stop", null));
        status(404, call(member, projectA, "POST", "/api/v1/prompts/ab/experiments/not-a-uuid/stop", null));
    }

    @Test
    void everyRouteDeclaresItsAccess() {
        List<RouteTable.Route> table = argus.argus().routes().routes();
        Map<String, String> expected = Map.ofEntries(
                Map.entry("GET /api/v1/prompts", "viewer/READ"),
                Map.entry("POST /api/v1/prompts/compare", "viewer/READ"),
                Map.entry("GET /api/v1/prompts/{name}", "viewer/READ"),
                Map.entry("GET /api/v1/prompts/{name}/versions", "viewer/READ"),
                Map.entry("POST /api/v1/prompts/{name}/versions", "member/-"),
                Map.entry("GET /api/v1/prompts/{name}/diff", "viewer/READ"),
                Map.entry("GET /api/v1/prompts/{name}/labels", "viewer/READ"),
                Map.entry("PUT /api/v1/prompts/{name}/labels/{label}", "member/-"),
                Map.entry("POST /api/v1/prompts/{name}/render", "viewer/READ"),
                Map.entry("GET /api/v1/prompts/{name}/resolve", "viewer/READ"),
                Map.entry("GET /api/v1/prompts/{name}/experiments", "viewer/READ"),
                Map.entry("POST /api/v1/prompts/{name}/experiments", "member/-"),
                Map.entry("POST /api/v1/prompts/{name}/experiments/{id}/stop", "member/-"));
        Map<String, String> actual = new java.util.TreeMap<>();
        for (RouteTable.Route r : table.stream().filter(r -> r.path().startsWith("/api/v1/prompts")).toList()) {
            actual.put(r.method() + " " + r.path(), r.access().minimumRole() + "/"
                    + (r.access().keyScope() == null ? "-" : r.access().keyScope().name()));
        }
        assertEquals(new java.util.TreeMap<>(expected), actual);
    }
}
