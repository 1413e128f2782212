package dev.argus.core.calls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.storage.Database;
import dev.argus.core.testing.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The explorer's hot queries on a generated table of realistic size (200k calls over 3.5 days in
 * daily partitions, two projects, analysed): every plan reads through an index, none scans a table.
 */
class ExplorerPlanTest {

    static final UUID PROJECT = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static Database database;
    static DSLContext dsl;

    @BeforeAll
    static void generate() {
        TestDatabases.TestDatabase db = TestDatabases.create();
        database = Database.connect(db.url(), db.user(), db.password(), 2);
        database.migrate();
        dsl = database.dsl();
        dsl.execute("""
                insert into llm_calls (project_id, id, started_at, ended_at, provider, model, status, error_category,
                    latency_ms, input_tokens, output_tokens, cost_usd, user_id, session_id, trace_id, prompt_name,
                    prompt_version, tags, input_text, output_text)
                select case when g % 10 = 0 then ?::uuid else ?::uuid end, gen_random_uuid(), ts, ts + interval '1 second',
                       (array['openai','anthropic','ollama'])[1 + g % 3],
                       (array['gpt-4o','gpt-4o-mini','claude-sonnet-4-5','llama3.2','o3'])[1 + g % 5],
                       case when g % 20 = 0 then 'error' else 'success' end,
                       case when g % 20 = 0 then (array['rate_limit','timeout','server_error'])[1 + (g / 20) % 3] end,
                       g % 5000, g % 3000, g % 700, (g % 5000) / 1000000.0,
                       'user-' || (g % 2000), 'session-' || (g % 20000), md5(g::text),
                       case when g % 4 = 0 then 'prompt-' || (g % 10) end, case when g % 4 = 0 then 1 + g % 3 end,
                       case when g % 7 = 0 then array['prod'] when g % 11 = 0 then array['beta','eu'] else '{}' end,
                       'question about topic' || (g % 1000) || ' with some words', 'answer ' || md5(g::text)
                from generate_series(1, 200000) g, lateral (select now() - g * interval '1.5 seconds' as ts) t
                """, OTHER.toString(), PROJECT.toString());
        dsl.execute("analyze llm_calls");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static CallFilter filter(Map<String, Object> values) {
        Instant now = Instant.now();
        return new CallFilter((Instant) values.get("from"), (Instant) values.get("to"), (String) values.get("provider"),
                (String) values.get("model"), (String) values.get("status"), (String) values.get("error_category"),
                (String) values.get("user_id"), (String) values.get("session_id"), (String) values.get("trace_id"),
                (String) values.get("prompt"), (Integer) values.get("prompt_version"),
                values.containsKey("tag") ? List.of((String) values.get("tag")) : List.of(), null, null, null, null,
                (String) values.get("q"), false);
    }

    @Test
    void hotExplorerQueriesUseIndexes() {
        Instant now = Instant.now();
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("newest", Map.of());
        cases.put("last hour", Map.of("from", now.minus(1, ChronoUnit.HOURS), "to", now));
        cases.put("user", Map.of("user_id", "user-42"));
        cases.put("session", Map.of("session_id", "session-4242"));
        cases.put("trace", Map.of("trace_id", "b6d767d2f8ed5d21a44b0e5886680cb9"));
        cases.put("prompt version", Map.of("prompt", "prompt-4", "prompt_version", 2));
        cases.put("error category", Map.of("error_category", "timeout"));
        cases.put("errors", Map.of("status", "error"));
        cases.put("model in a day", Map.of("model", "o3", "from", now.minus(1, ChronoUnit.DAYS), "to", now));
        cases.put("tag", Map.of("tag", "beta"));
        cases.put("full text", Map.of("q", "topic917"));
        cases.put("full text in a day", Map.of("q", "topic917", "from", now.minus(1, ChronoUnit.DAYS)));
        // empty partitions (days ahead) are planned as trivial scans of nothing; only those holding data matter
        List<String> filled = dsl.fetch("select tableoid::regclass::text from llm_calls group by 1").getValues(0, String.class);
        assertTrue(filled.size() >= 3, filled.toString());
        StringBuilder report = new StringBuilder();
        for (var c : cases.entrySet()) {
            String plan = String.join("\n", dsl.fetch("explain " + PostgresCallQueries.pageQuery(dsl, PROJECT,
                            filter(c.getValue()), null, 51).getSQL(org.jooq.conf.ParamType.INLINED))
                    .getValues(0, String.class));
            report.append("== ").append(c.getKey()).append('\n').append(plan).append('\n');
            for (String partition : filled) {
                assertFalse(plan.contains("Seq Scan on " + partition + " "), c.getKey() + " scans " + partition + ":\n" + plan);
            }
            assertTrue(plan.contains("Index"), c.getKey() + " uses no index:\n" + plan);
        }
        System.out.println(report);
    }

    @Test
    void singleCallLookupUsesKeys() {
        dsl.execute("analyze llm_call_ids");
        String plan = String.join("\n", dsl.fetch("explain select * from llm_calls where project_id = '" + PROJECT
                + "' and started_at = now() - interval '1 hour' and id = '" + UUID.randomUUID() + "'").getValues(0, String.class));
        assertTrue(plan.contains("Index Scan using llm_calls_p"), plan);
    }
}
