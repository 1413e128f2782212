package dev.argus.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent run as a span tree and a conversation in order, with totals, from ingested calls. */
class CallGroupsApiTest {

    static final String KEY = "pk-groups12345:sk-groups0000000000000000secret";

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "groups", "ARGUS_INIT_API_KEY", KEY));
        api = new ApiClient(argus, KEY.substring(KEY.indexOf(':') + 1));
        api.postOk("/api/v1/ingest", ApiClient.JSON.readTree("{\"calls\":["
                + call("planner", null, "10:00:00", 900, "success", 100, 20) + ","
                + call("search", "planner", "10:00:01", 300, "success", 50, 10) + ","
                + call("summarise", "search", "10:00:02", 400, "error", 70, 0) + ","
                + call("answer", "planner", "10:00:03", 200, "success", 30, 40) + ","
                + call("stray", "a-span-that-was-not-a-genai-call", "10:00:04", 100, "success", 5, 5) + "]}"));
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    static String call(String span, String parent, String time, int latency, String status, int in, int out) {
        return "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"started_at\":\"2026-11-28T" + time + "Z\","
                + "\"latency_ms\":" + latency + ",\"status\":\"" + status + "\","
                + ("error".equals(status) ? "\"error\":{\"category\":\"timeout\",\"message\":\"slow\"}," : "")
                + "\"trace_id\":\"run-1\",\"span_id\":\"" + span + "\","
                + (parent == null ? "" : "\"parent_span_id\":\"" + parent + "\",")
                + "\"session_id\":\"chat-1\",\"usage\":{\"input_tokens\":" + in + ",\"output_tokens\":" + out + "}}";
    }

    @Test
    void traceIsATreeBySpanParentageWithTotals() throws Exception {
        JsonNode trace = api.getOk("/api/v1/traces/run-1");
        JsonNode roots = trace.path("calls");
        assertEquals(2, roots.size(), "the planner and the call whose parent is no stored call: " + roots);
        JsonNode planner = roots.get(0);
        assertEquals("planner", planner.path("span_id").asText());
        assertEquals("search", planner.path("children").get(0).path("span_id").asText());
        assertEquals("answer", planner.path("children").get(1).path("span_id").asText());
        assertEquals("summarise", planner.path("children").get(0).path("children").get(0).path("span_id").asText());
        assertEquals("stray", roots.get(1).path("span_id").asText());
        JsonNode totals = trace.path("totals");
        assertEquals(5, totals.path("calls").asInt());
        assertEquals(1, totals.path("errors").asInt());
        assertEquals(255, totals.path("input_tokens").asInt());
        assertEquals(75, totals.path("output_tokens").asInt());
        assertEquals(4100, totals.path("duration_ms").asLong(), "10:00:00 to 10:00:04.1");
        assertFalse(trace.path("truncated").asBoolean());
    }

    @Test
    void sessionListsItsCallsInOrder() throws Exception {
        JsonNode session = api.getOk("/api/v1/sessions/chat-1");
        assertEquals(5, session.path("calls").size());
        assertEquals("planner", session.path("calls").get(0).path("span_id").asText());
        assertEquals("stray", session.path("calls").get(4).path("span_id").asText());
        assertEquals(1900, session.path("totals").path("latency_ms").asLong());
    }

    @Test
    void unknownTraceIsA404() throws Exception {
        assertEquals(404, api.get("/api/v1/traces/no-such-trace").statusCode());
        assertEquals(404, api.get("/api/v1/sessions/no-such-session").statusCode());
    }
}
