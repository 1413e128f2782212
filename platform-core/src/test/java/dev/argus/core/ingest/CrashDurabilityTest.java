package dev.argus.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.ChildArgus;
import dev.argus.core.testing.TestDatabases;
import dev.argus.core.testing.TestPlugins;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts Argus in a child JVM, ingests from several clients at once, kills the JVM with SIGKILL in
 * the middle, and checks that every call whose request got a 2xx is stored exactly once, with
 * rollups that still add up (they commit in the same transaction).
 */
class CrashDurabilityTest {

    static final String KEY = "pk-crash12345:sk-crash000000000000000000secret";

    @TempDir
    Path dir;

    @Test
    void acknowledgedCallsSurviveKillMinus9() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.create();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        ChildArgus argus = ChildArgus.start(db, plugins, dir, Map.of("ARGUS_INIT_PROJECT", "crash",
                "ARGUS_INIT_API_KEY", KEY));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI base = argus.uri("/");
        try {
            Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int clientNo = c;
                clients.add(Thread.ofVirtual().start(() -> {
                    int n = 0;
                    while (!stop.get()) {
                        StringBuilder body = new StringBuilder("{\"calls\":[");
                        for (int i = 0; i < 20; i++) {
                            body.append(i == 0 ? "" : ",").append("{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",")
                                    .append("\"started_at\":\"").append(Instant.now()).append("\",\"latency_ms\":")
                                    .append(10 + i).append(",\"input\":\"client ").append(clientNo).append(" call ")
                                    .append(n++).append("\",\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}");
                        }
                        body.append("]}");
                        try {
                            HttpResponse<String> res = client.send(HttpRequest.newBuilder(base.resolve("/api/v1/ingest"))
                                    .header("Authorization", "Bearer " + KEY.substring(KEY.indexOf(':') + 1))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (res.statusCode() / 100 == 2) {
                                JsonNode ids = ApiClient.JSON.readTree(res.body()).path("ids");
                                ids.forEach(id -> acknowledged.add(UUID.fromString(id.asText())));
                            }
                        } catch (Exception e) {
                            // the server died mid-request: nothing was acknowledged for this one
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 3000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            argus.kill();
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }
            assertTrue(acknowledged.size() >= 1000, "only " + acknowledged.size() + " acknowledged; see " + argus.log());

            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                PreparedStatement counts = c.prepareStatement(
                        "select count(*), count(distinct id) from llm_calls where id = any(?)");
                counts.setArray(1, c.createArrayOf("uuid", acknowledged.toArray()));
                ResultSet rs = counts.executeQuery();
                rs.next();
                assertEquals(acknowledged.size(), rs.getLong(1), "every acknowledged call is stored exactly once");
                assertEquals(acknowledged.size(), rs.getLong(2));
                ResultSet totals = c.createStatement().executeQuery(
                        "select (select count(*) from llm_calls), (select coalesce(sum(calls), 0) from call_rollup_minute)");
                totals.next();
                assertEquals(totals.getLong(1), totals.getLong(2), "rollups commit with their rows");
                assertTrue(totals.getLong(1) >= acknowledged.size());
            }
        } finally {
            argus.kill();
        }
    }
}
