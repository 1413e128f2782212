package dev.argus.core.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.ingest.UuidV7;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@value #USERS} concurrent users on loopback for {@link #DURATION}: each one ingests a batch, lists
 * calls in the explorer or loads the dashboard, then thinks 0.5–1.5 s, while {@value #SUBSCRIBERS}
 * WebSocket subscribers watch the live feed. No request may fail and every subscriber must receive
 * live updates. Throughput, p50/p95/p99 per endpoint, heap and CPU are printed (and recorded in
 * docs/RELIABILITY.md); the client runs in the same JVM, so CPU figures include it.
 */
class ConcurrentUsersLoadTest {

    static final int USERS = 1000;
    static final int SUBSCRIBERS = 1000;
    static final Duration DURATION = Duration.ofSeconds(20);

    @TempDir
    Path plugins;

    private final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    @Test
    void thousandUsersAndThousandSubscribersWithoutErrors() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        try (RunningArgus argus = RunningArgus.start(plugins, Map.of("ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", "1000000",
                "ARGUS_DATABASE_POOL_SIZE", "16"))) {
            Fixtures fixtures = new Fixtures(argus);
            UUID project = fixtures.project("load");
            String key = fixtures.key(project, Fixtures.allScopes()).secret();
            String readKey = fixtures.key(project, Set.of(ApiKeyScope.READ)).secret();

            HttpClient wsClient = HttpClient.newHttpClient();
            List<Subscriber> subscribers = new ArrayList<>();
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Subscriber subscriber = new Subscriber();
                subscribers.add(subscriber);
                opening.add(wsClient.newWebSocketBuilder().buildAsync(
                        URI.create("ws://127.0.0.1:" + argus.argus().port() + "/ws/metrics?access_token=" + readKey), subscriber));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            AtomicBoolean running = new AtomicBoolean(true);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long started = System.nanoTime();
            LongAdder peakHeap = new LongAdder();
            try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < USERS; i++) {
                    users.submit(() -> user(argus, client, key, running));
                }
                users.submit(() -> sampleHeap(running, peakHeap));
                Thread.sleep(DURATION.toMillis());
                running.set(false);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9 / seconds / os.getAvailableProcessors();
            Thread.sleep(1500); // the last live push
            for (CompletableFuture<WebSocket> socket : opening) {
                socket.get().sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }

            assertTrue(errors.isEmpty(), errors.size() + " failed requests, e.g. " + errors.stream().limit(5).toList());
            long starved = subscribers.stream().filter(s -> s.deltas.get() == 0).count();
            assertEquals(0, starved, "subscribers that received no live update");
            int total = latencies.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();
            System.out.printf("ConcurrentUsersLoadTest: %d users, %d WebSocket subscribers, %.0f s: %d requests "
                            + "(%.0f/s), 0 errors; %d live messages delivered; peak heap %d MiB; CPU %.0f %% of %d cores%n",
                    USERS, SUBSCRIBERS, seconds, total, total / seconds,
                    subscribers.stream().mapToInt(s -> s.deltas.get()).sum(), peakHeap.sum() >> 20, cpu * 100,
                    os.getAvailableProcessors());
            latencies.forEach((endpoint, values) -> {
                long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("  %-28s %6d requests  mean %6.1f ms  p50 %6.1f  p95 %6.1f  p99 %6.1f ms%n", endpoint,
                        sorted.length, Arrays.stream(sorted).average().orElse(0) / 1e6, percentile(sorted, 0.50),
                        percentile(sorted, 0.95), percentile(sorted, 0.99));
            });
        }
    }

    private void user(RunningArgus argus, HttpClient client, String key, AtomicBoolean running) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            Thread.sleep(random.nextLong(1000)); // users arrive spread over a second
            while (running.get()) {
                int pick = random.nextInt(10);
                if (pick < 5) {
                    request(argus, client, key, "POST /api/v1/ingest", "/api/v1/ingest", batch(random));
                } else if (pick < 8) {
                    request(argus, client, key, "GET /api/v1/calls", "/api/v1/calls?limit=50&provider=openai", null);
                } else {
                    request(argus, client, key, "GET /api/v1/metrics/dashboard", "/api/v1/metrics/dashboard", null);
                }
                Thread.sleep(500 + random.nextLong(1000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void request(RunningArgus argus, HttpClient client, String key, String endpoint, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(argus.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> res = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            if (res.statusCode() != 200) {
                errors.add(endpoint + " " + res.statusCode() + ": " + res.body());
                return;
            }
            latencies.computeIfAbsent(endpoint, e -> new ConcurrentLinkedQueue<>()).add(elapsed);
        } catch (Exception e) {
            errors.add(endpoint + ": " + e);
        }
    }

    private static String batch(ThreadLocalRandom random) {
        StringBuilder calls = new StringBuilder();
        String[] providers = {"openai", "anthropic", "ollama"};
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                calls.append(',');
            }
            UUID id = UuidV7.now();
            calls.append("{\"id\":\"").append(id).append("\",\"provider\":\"").append(providers[random.nextInt(3)])
                    .append("\",\"model\":\"gpt-4o-mini\",\"started_at\":\"").append(Instant.now())
                    .append("\",\"latency_ms\":").append(100 + random.nextInt(2000))
                    .append(",\"usage\":{\"input_tokens\":").append(random.nextInt(2000))
                    .append(",\"output_tokens\":").append(random.nextInt(500))
                    .append("},\"input\":\"question ").append(i).append("\",\"output\":\"answer\"}");
        }
        return "{\"calls\":[" + calls + "]}";
    }

    private static void sampleHeap(AtomicBoolean running, LongAdder peak) {
        long max = 0;
        while (running.get()) {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used > max) {
                peak.add(used - max);
                max = used;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Counts the live deltas one WebSocket client receives. */
    private static final class Subscriber implements WebSocket.Listener {
        final AtomicInteger deltas = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                if (partial.indexOf("\"type\":\"delta\"") >= 0) {
                    deltas.incrementAndGet();
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
