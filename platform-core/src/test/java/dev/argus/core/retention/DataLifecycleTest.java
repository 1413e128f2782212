package dev.argus.core.retention;

import static dev.argus.core.storage.jooq.Tables.AUDIT_LOG;
import static dev.argus.core.storage.jooq.Tables.CALL_ROLLUP_MINUTE;
import static dev.argus.core.storage.jooq.Tables.LLM_CALLS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-project retention and deletion of an end user's data, both audited and scoped to one project. */
class DataLifecycleTest {

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static Fixtures fixtures;
    static UUID project;
    static UUID other;
    static ApiKeyCredentials key;
    static ApiKeyCredentials otherKey;
    static String owner;
    static String viewer;

    @BeforeAll
    static void start() throws Exception {
        argus = RunningArgus.start(plugins, Map.of());
        fixtures = new Fixtures(argus);
        project = fixtures.project("kept-short");
        other = fixtures.project("kept-long");
        key = fixtures.key(project, Set.of(ApiKeyScope.INGEST));
        otherKey = fixtures.key(other, Set.of(ApiKeyScope.INGEST));
        UUID ownerId = fixtures.user("owner@lifecycle.test");
        fixtures.member(project, ownerId, ProjectRole.owner);
        UUID viewerId = fixtures.user("viewer@lifecycle.test");
        fixtures.member(project, viewerId, ProjectRole.viewer);
        owner = fixtures.token("owner@lifecycle.test");
        viewer = fixtures.token("viewer@lifecycle.test");
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    private static void ingest(ApiKeyCredentials k, Instant at, String user) throws Exception {
        String body = """
                {"calls":[{"provider":"openai","model":"gpt-4o-mini","started_at":"%s","latency_ms":100,
                 "status":"success","input":"hi","output":"hello","user_id":"%s",
                 "usage":{"input_tokens":3,"output_tokens":2}}]}""".formatted(at, user);
        var res = fixtures.post("/api/v1/ingest", body, k.secret());
        assertEquals(200, res.statusCode(), res.body());
    }

    private static long calls(UUID p) {
        return fixtures.dsl().fetchCount(LLM_CALLS, LLM_CALLS.PROJECT_ID.eq(p));
    }

    @Test
    void retentionDeletesOnlyOldCallsOfThatProjectWithTheirRollups() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ingest(key, now.minus(40, ChronoUnit.DAYS), "u-old");
        ingest(key, now.minus(1, ChronoUnit.HOURS), "u-new");
        ingest(otherKey, now.minus(40, ChronoUnit.DAYS), "u-other");

        assertEquals(403, fixtures.send("PUT", "/api/v1/data/retention", "{\"retention_days\":30}", viewer).statusCode());
        assertEquals(400, fixtures.send("PUT", "/api/v1/data/retention", "{\"retention_days\":0}", owner).statusCode());
        var set = fixtures.send("PUT", "/api/v1/data/retention", "{\"retention_days\":30}", owner);
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("{\"retention_days\":30}", set.body());

        assertTrue(argus.argus().retention().runOnce() >= 1);
        assertEquals(1, calls(project), "only the recent call of the project is kept");
        assertEquals(1, calls(other), "a project without retention keeps everything");
        assertEquals(0, fixtures.dsl().fetchCount(CALL_ROLLUP_MINUTE, CALL_ROLLUP_MINUTE.PROJECT_ID.eq(project)
                .and(CALL_ROLLUP_MINUTE.MINUTE.lt(java.time.OffsetDateTime.now().minusDays(30)))));
        assertEquals(1, fixtures.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("project.retention")));
    }

    @Test
    void deletingAnEndUserRemovesTheirCallsInThisProjectOnly() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ingest(key, now.minusSeconds(10), "gdpr-user");
        ingest(key, now.minusSeconds(9), "gdpr-user");
        ingest(key, now.minusSeconds(8), "someone-else");
        ingest(otherKey, now.minusSeconds(7), "gdpr-user");

        assertEquals(403, fixtures.send("DELETE", "/api/v1/data/end-users/gdpr-user", null, viewer).statusCode());
        var res = fixtures.send("DELETE", "/api/v1/data/end-users/gdpr-user", null, owner);
        assertEquals(200, res.statusCode(), res.body());
        assertEquals("{\"deleted_calls\":2}", res.body());
        assertEquals(0, fixtures.dsl().fetchCount(LLM_CALLS, LLM_CALLS.PROJECT_ID.eq(project).and(LLM_CALLS.USER_ID.eq("gdpr-user"))));
        assertEquals(1, fixtures.dsl().fetchCount(LLM_CALLS, LLM_CALLS.PROJECT_ID.eq(project).and(LLM_CALLS.USER_ID.eq("someone-else"))));
        assertEquals(1, fixtures.dsl().fetchCount(LLM_CALLS, LLM_CALLS.PROJECT_ID.eq(other).and(LLM_CALLS.USER_ID.eq("gdpr-user"))));
        var audit = fixtures.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("end_user.delete_data")).fetchOne();
        assertTrue(!audit.formatJSON().contains("gdpr-user"), "the audit entry does not keep the end-user id");
    }
}
