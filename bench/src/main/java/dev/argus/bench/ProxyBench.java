package dev.argus.bench;

import com.sun.net.httpserver.HttpServer;
import dev.argus.core.Argus;
import dev.argus.core.config.ConfigLoader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Proxy overhead: the same client sends the same chat completions to a loopback server speaking
 * OpenAI's wire format, first directly, then through Argus's {@code /proxy/openai/v1} (which also logs
 * every call through group-commit ingest), and prints p50/p99 latency and throughput of both and the
 * added latency and throughput ratio. Also time to the first streamed chunk, direct vs proxied.
 *
 * <pre>java -cp … dev.argus.bench.ProxyBench [jdbc-url-of-a-server] [user] [requests] [clients]</pre>
 */
public final class ProxyBench {

    private static final String KEY = "pk-proxybench1:sk-proxybench000000000000secret";
    private static final String ANSWER = "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1764324000,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"Hello! How can I assist you today?\"},\"finish_reason\":\"stop\"}],\"usage\":"
            + "{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29}}";
    private static final String STREAM = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}\n\ndata: [DONE]\n\n";
    private static final String REQUEST = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello!\"}]}";

    private ProxyBench() {
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 1 ? args[1] : "postgres";
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;

        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/v1/chat/completions", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean stream = body.contains("\"stream\":true");
            byte[] answer = (stream ? STREAM : ANSWER).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", stream ? "text/event-stream" : "application/json");
            exchange.getResponseHeaders().add("x-ratelimit-remaining-requests", "499");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        upstream.start();
        String upstreamBase = "http://127.0.0.1:" + upstream.getAddress().getPort();

        Map<String, String> env = new HashMap<>();
        env.put("ARGUS_DATABASE_URL", IngestBench.createDatabase(server, user, "argus_bench_proxy"));
        env.put("ARGUS_DATABASE_USER", user);
        env.put("ARGUS_SERVER_HOST", "127.0.0.1");
        env.put("ARGUS_SERVER_PORT", "0");
        env.put("ARGUS_PLUGINS_DIR", Files.createTempDirectory("argus-bench-plugins").toString());
        env.put("ARGUS_INIT_PROJECT", "bench");
        env.put("ARGUS_INIT_API_KEY", KEY);
        env.put("ARGUS_PROXY_OPENAI_UPSTREAM", upstreamBase);
        env.put("ARGUS_SECURITY_RATE_LIMIT_PER_MINUTE", "1000000");
        try (Argus argus = Argus.start(ConfigLoader.load(Optional.empty(), env, Map.of()))) {
            HttpClient client = HttpClient.newHttpClient();
            URI direct = URI.create(upstreamBase + "/v1/chat/completions");
            URI proxied = URI.create("http://127.0.0.1:" + argus.port() + "/proxy/openai/v1/chat/completions");
            for (int warm = 0; warm < 3; warm++) { // JIT and connection pools on both paths
                run(client, direct, requests / 4, clients, false);
                run(client, proxied, requests / 4, clients, true);
            }
            Result d = run(client, direct, requests, clients, false);
            Result p = run(client, proxied, requests, clients, true);
            System.out.printf("direct : %,8.0f req/s  p50 %6.3f ms  p99 %6.3f ms%n", d.rate, d.p50, d.p99);
            System.out.printf("proxied: %,8.0f req/s  p50 %6.3f ms  p99 %6.3f ms%n", p.rate, p.p50, p.p99);
            System.out.printf("added latency: p50 %+.3f ms, p99 %+.3f ms; throughput ratio %.2f%n",
                    p.p50 - d.p50, p.p99 - d.p99, p.rate / d.rate);
            double ttfbDirect = firstChunk(client, direct, false);
            double ttfbProxied = firstChunk(client, proxied, true);
            System.out.printf("stream first chunk (median of 200): direct %.3f ms, proxied %.3f ms (%+.3f ms)%n",
                    ttfbDirect, ttfbProxied, ttfbProxied - ttfbDirect);
        } finally {
            upstream.stop(0);
        }
    }

    record Result(double rate, double p50, double p99) {
    }

    private static Result run(HttpClient client, URI uri, int requests, int clients, boolean viaArgus) throws Exception {
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (next.getAndIncrement() < requests) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> res = client.send(request(uri, viaArgus, REQUEST), HttpResponse.BodyHandlers.ofString());
                        if (res.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    nanos.add(System.nanoTime() - t0);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failures.get() > 0) {
            System.out.println("WARNING: " + failures.get() + " failed requests to " + uri);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(requests / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    private static double firstChunk(HttpClient client, URI uri, boolean viaArgus) throws Exception {
        String body = REQUEST.replace("}]}", "}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
        long[] times = new long[200];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            HttpResponse<java.io.InputStream> res = client.send(request(uri, viaArgus, body),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var in = res.body()) {
                in.read();
                times[i] = System.nanoTime() - t0;
                in.readAllBytes();
            }
        }
        Arrays.sort(times);
        return percentile(times, 0.5);
    }

    private static HttpRequest request(URI uri, boolean viaArgus, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", "Bearer sk-client-own-openai-key")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (viaArgus) {
            b.header("X-Argus-Key", KEY);
        }
        return b.build();
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
