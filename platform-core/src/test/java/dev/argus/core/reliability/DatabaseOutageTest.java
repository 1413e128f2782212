package dev.argus.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestDatabases;
import dev.argus.core.testing.TestPlugins;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops Argus's PostgreSQL for {@link #OUTAGE} in the middle of ingest and proxy traffic, then starts
 * it again. While it is down, ingest answers 503 with {@code Retry-After} (clients retry the same
 * batch, as SDKs do), {@code /health} reports DOWN and the proxy keeps proxying; afterwards every
 * acknowledged call is stored exactly once with rollups that add up, the calls proxied during the
 * outage are logged, and ingest works again without a restart of Argus.
 */
class DatabaseOutageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);
    private static final String CHAT_COMPLETION = "{\"id\":\"chatcmpl-outage\",\"object\":\"chat.completion\","
            + "\"created\":1764324000,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":"
            + "{\"role\":\"assistant\",\"content\":\"Still here.\"},\"finish_reason\":\"stop\"}],\"usage\":"
            + "{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12}}";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger proxiedDuringOutage = new AtomicInteger();
    private final AtomicInteger proxiedInAll = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicBoolean healthSawOutage = new AtomicBoolean();

    @Test
    void ingestAnswers503DuringAnOutageLosesNothingAndRecoversByItself() throws Exception {
        int pgPort = freePort();
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(pgPort)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        EmbeddedPostgres postgres = server.start();
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = CHAT_COMPLETION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", "499");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
        RunningArgus argus = RunningArgus.startOn(new TestDatabases.TestDatabase(url, "postgres", ""), plugins,
                Map.of("ARGUS_PROXY_OPENAI_UPSTREAM", "http://127.0.0.1:" + upstream.getAddress().getPort(),
                        "ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", "1000000"));
        ExecutorService load = Executors.newVirtualThreadPerTaskExecutor();
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            Fixtures fixtures = new Fixtures(argus);
            UUID project = fixtures.project("outage");
            UUID owner = fixtures.user("owner@outage.test");
            fixtures.member(project, owner, ProjectRole.owner);
            String ingestKey = fixtures.key(project, Set.of(ApiKeyScope.INGEST)).secret();
            var proxyKey = fixtures.key(project, Set.of(ApiKeyScope.PROXY));
            String proxyPair = proxyKey.publicKey() + ":" + proxyKey.secret();

            for (int i = 0; i < 4; i++) {
                load.submit(() -> ingestUntilStopped(argus, ingestKey, running));
            }
            load.submit(() -> proxyUntilStopped(argus, proxyPair, running));
            load.submit(() -> watchHealth(argus, running));
            Thread.sleep(3000);

            int beforeOutage = acknowledged.size();
            databaseDown.set(true);
            postgres.close();
            Instant down = Instant.now();
            Thread.sleep(OUTAGE.toMillis());
            int acknowledgedWhileDown = acknowledged.size() - beforeOutage;
            postgres = server.start();
            databaseDown.set(false);
            Instant up = Instant.now();
            Duration recovery = awaitIngestWorks(argus, ingestKey);
            Thread.sleep(3000);
            running.set(false);
            load.shutdown();
            assertTrue(load.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS), "load generators did not stop");

            assertTrue(unexpected.isEmpty(), "unexpected answers: " + List.copyOf(unexpected));
            assertTrue(unavailable.get() > 0, "ingest never answered 503 during the outage");
            assertTrue(healthSawOutage.get(), "/health never reported the outage");
            assertTrue(proxiedDuringOutage.get() > 0, "the proxy did not proxy during the outage");
            assertTrue(acknowledgedWhileDown <= 4 * 10, "calls acknowledged while the database was down: "
                    + acknowledgedWhileDown + " (at most the batches in flight when it stopped)");
            try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
                assertEquals(acknowledged.size(), stored(db, acknowledged), "acknowledged calls stored");
                assertEquals(0, count(db, "select count(*) from (select id from llm_calls group by id having count(*) > 1) d"),
                        "calls stored twice");
                assertEquals(count(db, "select count(*) from llm_calls"),
                        count(db, "select coalesce(sum(calls), 0) from call_rollup_minute"), "rollups add up to the calls");
                long logged = awaitProxiedLogged(db, project);
                assertEquals(proxiedInAll.get(), logged, "calls proxied (including during the outage) are logged");
            }
            System.out.printf("DatabaseOutageTest: outage %d s, %d calls acknowledged (%d while down), %d answers 503, "
                    + "%d calls proxied during the outage (%d in all, all logged), ingest recovered %d ms after the "
                    + "database returned%n", Duration.between(down, up).toSeconds(), acknowledged.size(),
                    acknowledgedWhileDown, unavailable.get(), proxiedDuringOutage.get(), proxiedInAll.get(),
                    recovery.toMillis());
        } finally {
            running.set(false);
            load.shutdownNow();
            argus.close();
            upstream.stop(0);
            postgres.close();
        }
    }

    /** A client like an SDK: a batch of five calls with its own ids, retried as is after a 503. */
    private void ingestUntilStopped(RunningArgus argus, String key, AtomicBoolean running) {
        List<UUID> batch = newBatch();
        while (running.get()) {
            try {
                HttpResponse<String> res = client.send(HttpRequest.newBuilder(argus.uri("/api/v1/ingest"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(batch))).build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) {
                    JsonNode answer = JSON.readTree(res.body());
                    if (answer.path("ids").size() + answer.path("duplicates").size() != batch.size()) {
                        unexpected.add("ingest acknowledged a different batch: " + res.body());
                    }
                    acknowledged.addAll(batch);
                    batch = newBatch();
                } else if (res.statusCode() == 503 && res.headers().firstValue("Retry-After").isPresent()) {
                    unavailable.incrementAndGet();
                    Thread.sleep(200);
                } else {
                    unexpected.add("ingest " + res.statusCode() + ": " + res.body());
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                unexpected.add("ingest: " + e);
            }
        }
    }

    private void proxyUntilStopped(RunningArgus argus, String proxyKey, AtomicBoolean running) {
        while (running.get()) {
            try {
                boolean down = databaseDown.get();
                HttpResponse<String> res = client.send(HttpRequest.newBuilder(argus.uri("/proxy/openai/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(30)).header("X-Argus-Key", proxyKey)
                        .header("Authorization", "Bearer sk-upstream-key").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":"
                                + "\"user\",\"content\":\"Are you there?\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200 && res.body().equals(CHAT_COMPLETION)) {
                    proxiedInAll.incrementAndGet();
                    if (down && databaseDown.get()) {
                        proxiedDuringOutage.incrementAndGet();
                    }
                } else {
                    unexpected.add("proxy " + res.statusCode() + ": " + res.body());
                }
                Thread.sleep(250);
            } catch (Exception e) {
                unexpected.add("proxy: " + e);
            }
        }
    }

    private void watchHealth(RunningArgus argus, AtomicBoolean running) {
        while (running.get()) {
            try {
                HttpResponse<String> res = argus.get("/health");
                if (res.statusCode() == 503 && databaseDown.get()) {
                    healthSawOutage.set(true);
                }
                Thread.sleep(500);
            } catch (Exception e) {
                unexpected.add("health: " + e);
            }
        }
    }

    private Duration awaitIngestWorks(RunningArgus argus, String key) throws Exception {
        long start = System.nanoTime();
        List<UUID> probe = newBatch();
        while (Duration.ofNanos(System.nanoTime() - start).compareTo(RECOVERY_LIMIT) < 0) {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(argus.uri("/api/v1/ingest"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(probe))).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 200) {
                acknowledged.addAll(probe);
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ingest did not recover within " + RECOVERY_LIMIT + " of the database's return");
    }

    /** Proxied calls are logged off the request path, retried until the database is back. */
    private long awaitProxiedLogged(Connection db, UUID project) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long logged;
        do {
            try (PreparedStatement query = db.prepareStatement(
                    "select count(*) from llm_calls where project_id = ? and provider = 'openai'")) {
                query.setObject(1, project);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    logged = rs.getLong(1);
                }
            }
            if (logged >= proxiedInAll.get()) {
                return logged;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return logged;
    }

    private static List<UUID> newBatch() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(UuidV7.now());
        }
        return ids;
    }

    private static String body(List<UUID> ids) {
        StringBuilder calls = new StringBuilder();
        for (UUID id : ids) {
            if (!calls.isEmpty()) {
                calls.append(',');
            }
            calls.append("{\"id\":\"").append(id).append("\",\"provider\":\"mock\",\"model\":\"outage-model\",")
                    .append("\"started_at\":\"").append(Instant.now()).append("\",\"latency_ms\":42,")
                    .append("\"usage\":{\"input_tokens\":3,\"output_tokens\":4},\"input\":\"ping\",\"output\":\"pong\"}");
        }
        return "{\"calls\":[" + calls + "]}";
    }

    private static long stored(Connection db, Set<UUID> ids) throws Exception {
        try (PreparedStatement query = db.prepareStatement("select count(*) from llm_calls where id = any(?)")) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql); ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
