package dev.argus.bench;

import dev.argus.core.Argus;
import dev.argus.core.config.ConfigLoader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * Ingest throughput of Argus (REST, group commit, durable acks, rollups) against a raw PostgreSQL
 * {@code COPY} of the same rows into the same table, measured in one run on one server.
 *
 * <pre>
 * java -cp … dev.argus.bench.IngestBench [server JDBC URL] [user] [calls] [clients] [calls per request]
 * </pre>
 */
public final class IngestBench {

    private static final String KEY = "pk-bench000001:sk-bench0000000000000000secret";

    /** One generated call, written both as ingest JSON and as a COPY line. */
    record Row(UUID id, Instant startedAt, String model, long latency, long in, long out, String user, String session,
               String input, String output) {
    }

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        String user = args.length > 1 ? args[1] : "postgres";
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int perRequest = args.length > 4 ? Integer.parseInt(args[4]) : 10;

        List<Row> rows = generate(calls);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += perRequest) {
            bodies.add(body(rows.subList(i, Math.min(rows.size(), i + perRequest))));
        }

        String ingestDb = createDatabase(server, user, "argus_bench_ingest");
        Map<String, String> env = new HashMap<>();
        env.put("ARGUS_DATABASE_URL", ingestDb);
        env.put("ARGUS_DATABASE_USER", user);
        env.put("ARGUS_SERVER_HOST", "127.0.0.1");
        env.put("ARGUS_SERVER_PORT", "0");
        env.put("ARGUS_PLUGINS_DIR", Files.createTempDirectory("argus-bench-plugins").toString());
        env.put("ARGUS_INIT_PROJECT", "bench");
        env.put("ARGUS_INIT_API_KEY", KEY);
        double ingestRate;
        long[] latencies;
        try (Argus argus = Argus.start(ConfigLoader.load(Optional.empty(), env, Map.of()))) {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + argus.port() + "/api/v1/ingest");
            // warm-up: JIT, connection pool, first partition pages
            send(client, uri, body(generate(2_000).subList(0, 200)));
            ConcurrentLinkedQueue<Long> ackNanos = new ConcurrentLinkedQueue<>();
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < bodies.size()) {
                        long t0 = System.nanoTime();
                        int status = send(client, uri, bodies.get(i));
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                        ackNanos.add(System.nanoTime() - t0);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            ingestRate = calls / seconds;
            latencies = ackNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            if (failures.get() > 0) {
                System.out.println("WARNING: " + failures.get() + " requests were not acknowledged");
            }
        }

        String copyDb = createDatabase(server, user, "argus_bench_copy");
        try (Connection c = DriverManager.getConnection(copyDb, user, "")) {
            org.flywaydb.core.Flyway.configure().dataSource(copyDb, user, "").locations("classpath:db/migration").load().migrate();
            UUID project = UUID.randomUUID();
            StringBuilder copy = new StringBuilder();
            for (Row r : rows) {
                copy.append(project).append('\t').append(r.id()).append('\t').append(r.startedAt()).append('\t')
                        .append(r.startedAt().plusMillis(r.latency())).append("\topenai\t").append(r.model())
                        .append("\tsuccess\t").append(r.latency()).append('\t').append(r.in()).append('\t').append(r.out())
                        .append('\t').append(r.user()).append('\t').append(r.session()).append("\t{bench}\t{}\t")
                        .append("[{\"role\": \"user\", \"content\": \"").append(r.input()).append("\"}]\t\"")
                        .append(r.output()).append("\"\t").append(r.input()).append('\t').append(r.output()).append('\n');
            }
            String data = copy.toString();
            long start = System.nanoTime();
            c.setAutoCommit(false);
            ((PGConnection) c).getCopyAPI().copyIn("copy llm_calls (project_id, id, started_at, ended_at, provider, model, "
                    + "status, latency_ms, input_tokens, output_tokens, user_id, session_id, tags, metadata, request, "
                    + "response, input_text, output_text) from stdin", new StringReader(data));
            c.commit();
            double copyRate = calls / ((System.nanoTime() - start) / 1e9);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from llm_calls")) {
                rs.next();
                if (rs.getLong(1) != calls) {
                    throw new IllegalStateException("COPY stored " + rs.getLong(1) + " rows");
                }
            }
            System.out.printf(Locale.ROOT, "calls=%d clients=%d calls/request=%d%n", calls, clients, perRequest);
            System.out.printf(Locale.ROOT, "argus ingest: %.0f calls/s, ack latency p50 %.1f ms, p99 %.1f ms (per request)%n",
                    ingestRate, percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6);
            System.out.printf(Locale.ROOT, "raw COPY:     %.0f rows/s (one transaction, same table and indexes)%n", copyRate);
            System.out.printf(Locale.ROOT, "ratio:        %.1f %% of COPY%n", 100 * ingestRate / copyRate);
        }
        dropDatabase(server, user, "argus_bench_ingest");
        dropDatabase(server, user, "argus_bench_copy");
    }

    static List<Row> generate(int n) {
        java.util.Random random = new java.util.Random(1);
        String[] models = {"gpt-4o", "gpt-4o-mini", "gpt-4.1-mini"};
        String[] words = {"invoice", "refund", "weather", "poem", "kubernetes", "latency", "summary", "translate"};
        Instant base = Instant.now().minusSeconds(3600);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String input = "Please " + words[random.nextInt(words.length)] + " the " + words[random.nextInt(words.length)]
                    + " for customer " + random.nextInt(10_000) + " with a short and friendly answer";
            String output = "Here is the " + words[random.nextInt(words.length)] + " you asked for, done with care";
            rows.add(new Row(UUID.randomUUID(), base.plusMillis(i * 30L), models[random.nextInt(models.length)],
                    50 + random.nextInt(3000), 20 + random.nextInt(2000), 10 + random.nextInt(500),
                    "user-" + random.nextInt(1000), "session-" + random.nextInt(20_000), input, output));
        }
        return rows;
    }

    static String body(List<Row> rows) {
        StringBuilder b = new StringBuilder("{\"calls\":[");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(r.id()).append("\",\"provider\":\"openai\",\"model\":\"")
                    .append(r.model()).append("\",\"started_at\":\"").append(r.startedAt()).append("\",\"latency_ms\":")
                    .append(r.latency()).append(",\"input\":[{\"role\":\"user\",\"content\":\"").append(r.input())
                    .append("\"}],\"output\":\"").append(r.output()).append("\",\"usage\":{\"input_tokens\":").append(r.in())
                    .append(",\"output_tokens\":").append(r.out()).append("},\"user_id\":\"").append(r.user())
                    .append("\",\"session_id\":\"").append(r.session()).append("\",\"tags\":[\"bench\"]}");
        }
        return b.append("]}").toString();
    }

    static int send(HttpClient client, URI uri, String body) {
        try {
            return client.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + KEY.substring(KEY.indexOf(':') + 1))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static String createDatabase(String server, String user, String name) throws Exception {
        dropDatabase(server, user, name);
        try (Connection c = DriverManager.getConnection(server, user, ""); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    static void dropDatabase(String server, String user, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server, user, ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }

}
