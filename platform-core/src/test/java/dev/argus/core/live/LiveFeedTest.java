package dev.argus.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.core.storage.jooq.Tables;
import dev.argus.core.testing.RunningArgus;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Argus nodes on one database: a delta committed on node A reaches WebSocket clients on both. */
class LiveFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "sk-livefeed0000000000000000test";

    @TempDir
    static Path plugins;
    static RunningArgus nodeA;
    static RunningArgus nodeB;
    static UUID project;

    @BeforeAll
    static void start() {
        Map<String, String> env = Map.of("ARGUS_INIT_API_KEY", "pk-livefeedtest:" + SECRET);
        nodeA = RunningArgus.start(plugins, env);
        nodeB = RunningArgus.startOn(nodeA.database(), plugins, env);
        project = nodeA.argus().database().dsl().select(Tables.PROJECTS.ID).from(Tables.PROJECTS).fetchOne().value1();
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void committedDeltaReachesClientsOnBothNodesMerged() throws Exception {
        Client onB = Client.connect(nodeB, "?access_token=" + SECRET);
        Client onA = Client.connect(nodeA, "?access_token=" + SECRET + "&provider=openai");
        Client otherProvider = Client.connect(nodeB, "?access_token=" + SECRET + "&provider=anthropic");

        publish(delta("openai", 3, 1));
        publish(delta("openai", 2, 0));

        JsonNode first = onB.nextDelta();
        long calls = first.path("calls").asLong();
        JsonNode merged = calls == 5 ? first : onB.nextDelta();
        assertEquals(5, calls == 5 ? calls : calls + merged.path("calls").asLong(), "both deltas arrive, merged or not");
        assertEquals("openai", first.path("provider").asText());
        assertEquals(project.toString(), first.path("project_id").asText());

        JsonNode local = onA.nextDelta();
        assertTrue(local.path("calls").asLong() >= 2);
        assertNull(otherProvider.pollDelta(1500), "a client filtering on another provider gets nothing");
        onA.close();
        onB.close();
        otherProvider.close();
    }

    @Test
    void callsIngestedOnOneNodeReachLiveClientsOnTheOther() throws Exception {
        Client onB = Client.connect(nodeB, "?access_token=" + SECRET + "&model=live-ingest-model");
        String body = """
                {"calls":[
                  {"provider":"openai","model":"live-ingest-model","started_at":"2026-11-28T10:00:00Z","latency_ms":120,
                   "status":"success","input":"hi","output":"hello","usage":{"input_tokens":10,"output_tokens":5}},
                  {"provider":"openai","model":"live-ingest-model","started_at":"2026-11-28T10:00:01Z","latency_ms":300,
                   "status":"error","error":{"category":"rate_limit","message":"slow down","http_status":429},
                   "input":"hi","usage":{"input_tokens":10,"output_tokens":0}}]}
                """;
        var res = nodeA.send(java.net.http.HttpRequest.newBuilder(nodeA.uri("/api/v1/ingest"))
                .header("Authorization", "Bearer " + SECRET).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, res.statusCode(), res.body());
        JsonNode delta = onB.nextDelta();
        assertEquals(2, delta.path("calls").asLong());
        assertEquals(1, delta.path("errors_by_category").path("rate_limit").asLong());
        assertEquals(20, delta.path("input_tokens").asLong());
        assertEquals(2, delta.path("recent_calls").size());
        onB.close();
    }

    @Test
    void rolledBackBatchesAreNeverAnnounced() throws Exception {
        Client onB = Client.connect(nodeB, "?access_token=" + SECRET + "&model=rollback-model");
        try {
            nodeA.argus().database().dsl().transaction(tx -> {
                nodeA.argus().live().notifyInTransaction(tx.dsl(), new LiveDelta(project, "openai", "rollback-model", 1,
                        Map.of(), BigDecimal.ONE, 1, 1, List.of(), List.of()));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the batch failed, so nothing may be announced
        }
        assertNull(onB.pollDelta(1500));
        onB.close();
    }

    @Test
    void upgradeWithoutValidCredentialsIsRefused() {
        assertThrows(ExecutionException.class, () -> Client.connect(nodeA, ""));
        assertThrows(ExecutionException.class, () -> Client.connect(nodeA, "?access_token=sk-wrong0000000000000000000"));
    }

    private static LiveDelta delta(String provider, long calls, long errors) {
        return new LiveDelta(project, provider, "gpt-4o-mini", calls,
                errors == 0 ? Map.of() : Map.of("rate_limit", errors), new BigDecimal("0.25"), 100, 50,
                List.of(0L, calls), List.of(new CallSummary(UUID.randomUUID(), provider, "gpt-4o-mini", "success", 120,
                new BigDecimal("0.05"), Instant.now())));
    }

    /** What the ingest writer does for each committed batch. */
    private static void publish(LiveDelta delta) {
        nodeA.argus().database().dsl().transaction(tx -> nodeA.argus().live().notifyInTransaction(tx.dsl(), delta));
        nodeA.argus().live().publishCommitted(delta);
    }

    private static final class Client implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Client connect(RunningArgus node, String query) throws Exception {
            Client client = new Client();
            URI uri = URI.create("ws://127.0.0.1:" + node.argus().port() + "/ws/metrics" + query);
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, client).get(10, TimeUnit.SECONDS);
            JsonNode hello = client.messages.poll(10, TimeUnit.SECONDS);
            assertEquals("subscribed", hello.path("type").asText());
            return client;
        }

        JsonNode nextDelta() throws InterruptedException {
            JsonNode delta = pollDelta(10_000);
            assertTrue(delta != null, "no delta within 10 s");
            return delta;
        }

        JsonNode pollDelta(long millis) throws InterruptedException {
            JsonNode message = messages.poll(millis, TimeUnit.MILLISECONDS);
            if (message != null) {
                assertEquals("delta", message.path("type").asText());
            }
            return message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
