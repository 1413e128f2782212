package dev.argus.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.argus.core.testing.ApiClient;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The explorer and export against real data: every filter returns exactly the matching calls. */
class ExplorerApiTest {

    static final String KEY = "pk-explore1234:sk-explore00000000000000secret";
    static final String SECRET = "sk-explore00000000000000secret";

    /** One ingested call as the test knows it. */
    record Sent(String id, String provider, String model, String status, String category, String user, String session,
                String prompt, Integer version, List<String> tags, long latency, Instant startedAt, String input,
                String output, long inputTokens) {
    }

    @TempDir
    static Path plugins;
    static RunningArgus argus;
    static ApiClient api;
    static final List<Sent> SENT = new ArrayList<>();
    static Instant base;

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("provider-mock.jar", plugins);
        TestPlugins.copyBundled("exporter-csv.jar", plugins);
        TestPlugins.copyBundled("exporter-json.jar", plugins);
        argus = RunningArgus.start(plugins, Map.of("ARGUS_INIT_PROJECT", "explore", "ARGUS_INIT_API_KEY", KEY));
        api = new ApiClient(argus, SECRET);
        Random random = new Random(11);
        String[][] models = {{"openai", "gpt-4o"}, {"openai", "gpt-4o-mini"}, {"anthropic", "claude-sonnet-4-5"},
                {"ollama", "llama3.2"}};
        String[] categories = {"rate_limit", "timeout", "content_filter"};
        String[] words = {"invoice", "refund", "weather", "poem", "kubernetes", "latency"};
        String[] allTags = {"prod", "beta", "eu"};
        base = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode body = ApiClient.JSON.createObjectNode();
        ArrayNode calls = body.putArray("calls");
        List<Sent> pending = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String[] pm = models[random.nextInt(models.length)];
            boolean error = i % 6 == 0;
            String category = error ? categories[(i / 6) % categories.length] : null;
            String user = "user-" + random.nextInt(5);
            String session = "session-" + random.nextInt(12);
            String prompt = random.nextInt(3) == 0 ? null : (random.nextBoolean() ? "support-reply" : "summarise");
            Integer version = prompt == null ? null : 1 + random.nextInt(3);
            List<String> tags = new ArrayList<>();
            for (String t : allTags) {
                if (random.nextInt(3) == 0) {
                    tags.add(t);
                }
            }
            long latency = 50 + random.nextInt(4000);
            // several calls share a start time, so pagination must break ties by id
            Instant startedAt = base.plusSeconds(60L * (i / 3));
            String word = words[random.nextInt(words.length)];
            String input = "Please handle the " + word + " request number " + i;
            String output = i % 10 == 0 ? "Quantum zebra answer" : "Done with " + word;
            long inputTokens = 10 + random.nextInt(1000);
            ObjectNode c = calls.addObject();
            c.put("provider", pm[0]).put("model", pm[1]).put("started_at", startedAt.toString()).put("latency_ms", latency);
            c.putArray("input").addObject().put("role", "user").put("content", input);
            c.putObject("output").put("role", "assistant").put("content", output);
            c.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", 20);
            c.put("user_id", user).put("session_id", session);
            if (prompt != null) {
                c.putObject("prompt").put("name", prompt).put("version", version);
            }
            ArrayNode tagArray = c.putArray("tags");
            tags.forEach(tagArray::add);
            c.putObject("metadata").put("i", i).put("note", "comma, \"quote\"\nnewline");
            c.putObject("rate_limit").put("requests_remaining", 100 - i);
            if (error) {
                c.put("status", "error");
                c.putObject("error").put("category", category).put("message", "failed " + i).put("http_status", 429);
            }
            pending.add(new Sent(null, pm[0], pm[1], error ? "error" : "success", category, user, session, prompt, version,
                    tags, latency, startedAt, input, output, inputTokens));
        }
        JsonNode res = api.postOk("/api/v1/ingest", body);
        for (int i = 0; i < pending.size(); i++) {
            Sent s = pending.get(i);
            SENT.add(new Sent(res.path("ids").get(i).asText(), s.provider(), s.model(), s.status(), s.category(), s.user(),
                    s.session(), s.prompt(), s.version(), s.tags(), s.latency(), s.startedAt(), s.input(), s.output(),
                    s.inputTokens()));
        }
    }

    @AfterAll
    static void stop() {
        argus.close();
    }

    /** Every id the explorer returns for {@code query}, following next_cursor to the end. */
    static List<String> all(String query, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v1/calls?limit=" + limit + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = api.getOk(path);
            page.path("items").forEach(item -> ids.add(item.path("id").asText()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            assertTrue(++pages < 1000);
        } while (cursor != null);
        return ids;
    }

    /** The ids of the sent calls matching {@code predicate}, newest first (ties by id, descending). */
    static List<String> expected(Predicate<Sent> predicate) {
        return SENT.stream().filter(predicate)
                .sorted(Comparator.comparing(Sent::startedAt).thenComparing(s -> java.util.UUID.fromString(s.id())).reversed())
                .map(Sent::id).toList();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void everyFilterReturnsExactlyTheMatchingCalls() throws Exception {
        Instant from = base.plus(30, ChronoUnit.MINUTES);
        Instant to = base.plus(70, ChronoUnit.MINUTES);
        Map<String, Predicate<Sent>> cases = new java.util.LinkedHashMap<>();
        cases.put("", s -> true);
        cases.put("from=" + enc(from.toString()) + "&to=" + enc(to.toString()),
                s -> !s.startedAt().isBefore(from) && s.startedAt().isBefore(to));
        cases.put("provider=openai", s -> s.provider().equals("openai"));
        cases.put("model=gpt-4o-mini", s -> s.model().equals("gpt-4o-mini"));
        cases.put("status=error", s -> s.status().equals("error"));
        cases.put("status=success", s -> s.status().equals("success"));
        cases.put("error_category=timeout", s -> "timeout".equals(s.category()));
        cases.put("user_id=user-3", s -> s.user().equals("user-3"));
        cases.put("session_id=session-7", s -> s.session().equals("session-7"));
        cases.put("prompt=summarise", s -> "summarise".equals(s.prompt()));
        cases.put("prompt=summarise&prompt_version=2", s -> "summarise".equals(s.prompt()) && Integer.valueOf(2).equals(s.version()));
        cases.put("tag=prod", s -> s.tags().contains("prod"));
        cases.put("tag=prod&tag=eu", s -> s.tags().contains("prod") && s.tags().contains("eu"));
        cases.put("min_latency_ms=1000&max_latency_ms=2000", s -> s.latency() >= 1000 && s.latency() <= 2000);
        cases.put("q=kubernetes", s -> s.input().contains("kubernetes") || s.output().contains("kubernetes"));
        cases.put("q=zebra", s -> s.output().contains("zebra"));
        cases.put("q=" + enc("\"refund request\""), s -> s.input().contains("refund request"));
        cases.put("q=" + enc("poem -zebra"), s -> (s.input() + " " + s.output()).contains("poem") && !s.output().contains("zebra"));
        cases.put("provider=anthropic&user_id=user-1&tag=beta",
                s -> s.provider().equals("anthropic") && s.user().equals("user-1") && s.tags().contains("beta"));
        for (var c : cases.entrySet()) {
            List<String> want = expected(c.getValue());
            assertEquals(want, all(c.getKey(), 500), c.getKey());
        }
        // cost filters: the stored costs decide; ollama is free, unknown prices never match
        List<String> free = all("max_cost=0", 500);
        assertEquals(expected(s -> s.provider().equals("ollama")), free);
        assertEquals(SENT.size() - free.size(), all("min_cost=0.0000001", 500).size());
        assertTrue(!free.isEmpty());
    }

    @Test
    void paginationIsStableAcrossPagesAndTies() throws Exception {
        List<String> paged = all("", 7);
        assertEquals(expected(s -> true), paged);
        assertEquals(paged.size(), new HashSet<>(paged).size());
        // adding newer calls does not disturb pages after the cursor
        JsonNode first = api.getOk("/api/v1/calls?limit=10&provider=openai");
        String cursor = first.path("next_cursor").asText();
        JsonNode second = api.getOk("/api/v1/calls?limit=10&provider=openai&cursor=" + cursor);
        api.postOk("/api/v1/ingest", Map.of("calls", List.of(Map.of("provider", "openai", "model", "gpt-4o",
                "started_at", Instant.now().toString(), "latency_ms", 5))));
        JsonNode again = api.getOk("/api/v1/calls?limit=10&provider=openai&cursor=" + cursor);
        assertEquals(second.path("items").toString(), again.path("items").toString());
        List<String> asc = all("order=asc", 13);
        assertEquals(asc.size(), SENT.size() + 1);
        assertEquals(SENT.stream().min(Comparator.comparing(Sent::startedAt).thenComparing(s -> java.util.UUID.fromString(s.id())))
                .orElseThrow().id(), asc.getFirst());
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        for (String query : List.of("from=yesterday", "limit=0", "limit=9999", "status=maybe", "error_category=gremlins",
                "min_latency_ms=-1", "max_cost=cheap", "cursor=garbage", "order=sideways")) {
            HttpResponse<String> res = api.get("/api/v1/calls?" + query);
            assertEquals(400, res.statusCode(), query + " " + res.body());
            String name = query.substring(0, query.indexOf('='));
            assertTrue(res.body().contains(name), res.body());
        }
    }

    @Test
    void oneCallHasPayloadsRateLimitAndServerTimes() throws Exception {
        Sent sent = SENT.get(6);
        JsonNode call = api.getOk("/api/v1/calls/" + sent.id());
        assertEquals(sent.id(), call.path("id").asText());
        assertEquals(sent.input(), call.path("input").get(0).path("content").asText());
        assertEquals("assistant", call.path("output").path("role").asText());
        assertEquals(94, call.path("rate_limit").path("requests_remaining").asInt());
        assertEquals("error", call.path("status").asText());
        assertEquals(sent.category(), call.path("error").path("category").asText());
        assertEquals(429, call.path("error").path("http_status").asInt());
        assertEquals(sent.startedAt(), Instant.parse(call.path("started_at").asText()));
        assertTrue(call.hasNonNull("received_at"));
        assertEquals(sent.inputTokens(), call.path("usage").path("input_tokens").asLong());
        assertEquals(6, call.path("metadata").path("i").asInt());
        assertEquals(404, api.get("/api/v1/calls/" + java.util.UUID.randomUUID()).statusCode());
        JsonNode listed = api.getOk("/api/v1/calls?limit=500").path("items");
        for (JsonNode item : listed) {
            assertTrue(item.path("input").isMissingNode());
            assertTrue(item.path("input_preview").asText().startsWith("Please handle"));
        }
    }

    @Test
    void exportsStreamEveryMatchingCallInEachFormat() throws Exception {
        List<String> want = expected(s -> s.provider().equals("anthropic"));
        HttpResponse<String> csv = api.get("/api/v1/calls/export?format=csv&provider=anthropic");
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().matches("attachment; filename=\"calls-\\d{8}T\\d{6}Z\\.csv\""));
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<List<String>> rows = Rfc4180.parse(csv.body());
        assertEquals("id", rows.getFirst().getFirst());
        assertEquals(want.size() + 1, rows.size());
        assertEquals(want, rows.subList(1, rows.size()).stream().map(List::getFirst).toList());
        int metadataColumn = rows.getFirst().indexOf("metadata");
        JsonNode metadata = ApiClient.JSON.readTree(rows.get(1).get(metadataColumn));
        assertEquals("comma, \"quote\"\nnewline", metadata.path("note").asText());

        HttpResponse<String> json = api.get("/api/v1/calls/export?format=json&provider=anthropic");
        assertEquals(200, json.statusCode());
        JsonNode array = ApiClient.JSON.readTree(json.body());
        List<String> jsonIds = new ArrayList<>();
        array.forEach(n -> jsonIds.add(n.path("id").asText()));
        assertEquals(want, jsonIds);

        HttpResponse<String> nd = api.get("/api/v1/calls/export?format=ndjson&status=error");
        assertEquals(200, nd.statusCode());
        assertTrue(nd.headers().firstValue("Content-Disposition").orElseThrow().contains(".ndjson"));
        List<String> ndIds = new ArrayList<>();
        for (String line : nd.body().split("\n")) {
            JsonNode n = ApiClient.JSON.readTree(line);
            assertEquals("error", n.path("status").asText());
            ndIds.add(n.path("id").asText());
        }
        assertEquals(expected(s -> s.status().equals("error")), ndIds);
        assertEquals(400, api.get("/api/v1/calls/export?format=xml").statusCode());
        Set<String> unique = new HashSet<>(ndIds);
        assertEquals(ndIds.size(), unique.size());
    }

    /** A strict RFC 4180 reader for the test. */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            boolean quoted = false;
            while (i < text.length()) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    if (ch == '"') {
                        quoted = false;
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(ch);
                }
                i++;
            }
            return rows;
        }
    }
}
