package dev.argus.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.testing.ChildArgus;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestDatabases;
import dev.argus.core.testing.TestPlugins;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Argus nodes on one database, both taking ingest traffic; one is killed with SIGKILL at a random
 * moment. Clients whose request to the dead node got no answer send the same batch (same call ids) to
 * the survivor, as a load balancer's retry would. Afterwards every acknowledged call is stored
 * exactly once, nothing is stored twice, and the rollups add up.
 */
class TwoNodeFailoverTest {

    @TempDir
    Path dir;

    @Test
    void killingOneNodeLosesNothing() throws Exception {
        TestDatabases.TestDatabase db = TestDatabases.create();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        Map<String, String> env = Map.of("ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", "1000000");
        try (RunningArgus survivor = RunningArgus.startOn(db, plugins, env)) {
            Fixtures fixtures = new Fixtures(survivor);
            UUID project = fixtures.project("two nodes");
            String key = fixtures.key(project, Set.of(ApiKeyScope.INGEST)).secret();
            ChildArgus doomed = ChildArgus.start(db, plugins, dir, env);
            List<URI> nodes = List.of(survivor.uri("/api/v1/ingest"), doomed.uri("/api/v1/ingest"));
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger byDoomed = new AtomicInteger();
            AtomicInteger retriedOnSurvivor = new AtomicInteger();
            List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int first = c % 2;
                clients.add(Thread.ofVirtual().start(() -> {
                    int node = first;
                    while (!stop.get()) {
                        List<UUID> ids = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            ids.add(UuidV7.now());
                        }
                        String body = batch(ids);
                        for (int tries = 0; tries < 2; tries++) {
                            try {
                                HttpResponse<String> res = client.send(HttpRequest.newBuilder(nodes.get(node))
                                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (res.statusCode() == 200) {
                                    acknowledged.addAll(ids);
                                    if (node == 1) {
                                        byDoomed.addAndGet(ids.size());
                                    } else if (tries == 1) {
                                        retriedOnSurvivor.incrementAndGet();
                                    }
                                } else {
                                    unexpected.add(res.statusCode() + ": " + res.body());
                                }
                                break;
                            } catch (Exception noAnswer) {
                                node = 0; // the node is gone: the same batch goes to the survivor
                            }
                        }
                    }
                }));
            }
            Thread.sleep(2000 + ThreadLocalRandom.current().nextLong(2000));
            doomed.kill();
            Thread.sleep(2000);
            stop.set(true);
            for (Thread t : clients) {
                t.join();
            }

            assertTrue(unexpected.isEmpty(), "unexpected answers: " + unexpected);
            assertTrue(byDoomed.get() > 0, "the killed node acknowledged nothing before it died; see " + doomed.log());
            try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
                PreparedStatement stored = c.prepareStatement(
                        "select count(*), count(distinct id) from llm_calls where id = any(?)");
                stored.setArray(1, c.createArrayOf("uuid", acknowledged.toArray()));
                try (ResultSet rs = stored.executeQuery()) {
                    rs.next();
                    assertEquals(acknowledged.size(), rs.getLong(1), "every acknowledged call is stored");
                    assertEquals(acknowledged.size(), rs.getLong(2), "and stored once");
                }
                try (ResultSet rs = c.createStatement().executeQuery("select (select count(*) from llm_calls), "
                        + "(select count(distinct id) from llm_calls), (select coalesce(sum(calls), 0) from call_rollup_minute)")) {
                    rs.next();
                    assertEquals(rs.getLong(1), rs.getLong(2), "no call is stored twice");
                    assertEquals(rs.getLong(1), rs.getLong(3), "rollups add up to the calls");
                }
            }
            System.out.printf("TwoNodeFailoverTest: %d calls acknowledged (%d by the killed node before it died), "
                    + "%d batches resent to the survivor after the kill, 0 lost, 0 duplicated%n", acknowledged.size(),
                    byDoomed.get(), retriedOnSurvivor.get());
        }
    }

    private static String batch(List<UUID> ids) {
        StringBuilder calls = new StringBuilder();
        for (UUID id : ids) {
            calls.append(calls.isEmpty() ? "" : ",").append("{\"id\":\"").append(id)
                    .append("\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"started_at\":\"").append(Instant.now())
                    .append("\",\"latency_ms\":25,\"input\":\"hello\",\"output\":\"world\"}");
        }
        return "{\"calls\":[" + calls + "]}";
    }
}
