package dev.argus.core.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.argus.core.auth.ApiKeyCredentials;
import dev.argus.core.auth.ApiKeyScope;
import dev.argus.core.storage.jooq.enums.ProjectRole;
import dev.argus.core.testing.Fixtures;
import dev.argus.core.testing.RunningArgus;
import dev.argus.core.testing.TestPlugins;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerting end to end on two Argus nodes sharing one PostgreSQL database, with the real webhook and
 * email plugin jars: failing calls ingested over REST fire an error-rate rule into a loopback webhook
 * receiver (HMAC checked, first attempt refused to exercise the retry) and a GreenMail SMTP server;
 * good calls resolve it; each transition is one event and one delivery per channel.
 */
class AlertsTest {

    private static final String HOOK_SECRET = "whsec-alerts-test-0123456789";
    private static final String SMTP_PASSWORD = "smtp-pa55-w0rd-alerts";

    @TempDir
    static Path plugins;
    @TempDir
    static Path dataDir;
    static RunningArgus node1;
    static RunningArgus node2;
    static Fixtures fx;
    static String admin;
    static String viewer;
    static ApiKeyCredentials ingestKey;
    static HttpServer receiver;
    static GreenMail smtp;

    record Received(Map<String, String> headers, String body, int answered) {
    }

    static final List<Received> received = new CopyOnWriteArrayList<>();
    static final AtomicInteger refuseNext = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        TestPlugins.copyBundled("alert-webhook.jar", plugins);
        TestPlugins.copyBundled("alert-email.jar", plugins);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            int status = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            received.add(new Received(headers, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtp.setUser("alerts@argus.test", "alerts", SMTP_PASSWORD);

        // both nodes share the data folder, so they share the master key that seals channel secrets
        Map<String, String> env = Map.of("ARGUS_DATA_DIR", dataDir.toString(),
                "ARGUS_ALERTS_EVALUATION_INTERVAL", "250ms", "ARGUS_ALERTS_RETRY_BACKOFF", "300ms");
        node1 = RunningArgus.start(plugins, env);
        node2 = RunningArgus.startOn(node1.database(), plugins, env);
        fx = new Fixtures(node1);
        UUID project = fx.project("alerting");
        fx.member(project, fx.user("admin@alerts.test"), ProjectRole.admin);
        fx.member(project, fx.user("viewer@alerts.test"), ProjectRole.viewer);
        admin = fx.token("admin@alerts.test");
        viewer = fx.token("viewer@alerts.test");
        ingestKey = fx.key(project, Set.of(ApiKeyScope.INGEST));
    }

    @AfterAll
    static void stop() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        receiver.stop(0);
        smtp.stop();
    }

    @Test
    void errorRateRuleFiresIntoWebhookAndEmailThenResolvesOnceAcrossTwoNodes() throws Exception {
        String webhook = createChannel(Map.of("name", "ops hook", "extension_id", "webhook", "settings",
                Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "secret", HOOK_SECRET,
                        "timeout", "5s")));
        String email = createChannel(Map.of("name", "ops mail", "extension_id", "email", "settings",
                Map.of("host", "127.0.0.1", "port", Integer.toString(smtp.getSmtp().getPort()), "security", "none",
                        "username", "alerts", "password", SMTP_PASSWORD, "from", "Argus <alerts@argus.test>",
                        "to", "oncall@team.test", "timeout", "5s")));

        HttpResponse<String> listed = fx.get("/api/v1/alerts/channels", viewer);
        assertEquals(200, listed.statusCode(), listed.body());
        assertFalse(listed.body().contains(HOOK_SECRET) || listed.body().contains(SMTP_PASSWORD), listed.body());
        assertTrue(listed.body().contains("\"secret\":\"********\"") && listed.body().contains("\"password\":\"********\""),
                listed.body());

        HttpResponse<String> test = fx.post("/api/v1/alerts/channels/" + webhook + "/test", "{}", admin);
        assertEquals(200, test.statusCode(), test.body());
        assertTrue(Fixtures.JSON.readTree(test.body()).path("delivered").asBoolean(), test.body());
        assertEquals(1, received.size());
        assertValidSignature(received.get(0));
        received.clear();

        HttpResponse<String> rule = fx.post("/api/v1/alerts/rules", Fixtures.JSON.writeValueAsString(Map.of(
                "name", "errors high", "metric", "error_rate", "provider", "openai", "window_seconds", 300,
                "comparator", "gt", "threshold", 0.5, "severity", "critical",
                "channel_ids", List.of(webhook, email))), admin);
        assertEquals(201, rule.statusCode(), rule.body());
        String ruleId = Fixtures.JSON.readTree(rule.body()).path("id").asText();

        refuseNext.set(1);
        ingest(6, true);
        await("a firing event delivered to both channels", () -> accepted("firing") == 1
                && smtp.getReceivedMessages().length == 1);
        ingest(20, false);
        await("a resolved event delivered to both channels", () -> accepted("resolved") == 1
                && smtp.getReceivedMessages().length == 2);
        // more rounds on both nodes must not repeat anything
        Thread.sleep(1500);

        JsonNode events = Fixtures.JSON.readTree(fx.get("/api/v1/alerts/events?rule_id=" + ruleId, viewer).body());
        JsonNode items = events.path("items");
        assertEquals(2, items.size(), items.toString());
        JsonNode resolved = items.get(0);
        JsonNode fired = items.get(1);
        assertEquals("firing", fired.path("state").asText());
        assertEquals(1.0, fired.path("value").asDouble());
        assertEquals(6, fired.path("observed").path("calls").asInt());
        assertEquals(6, fired.path("observed").path("error_calls").asInt());
        assertEquals("openai", fired.path("observed").path("provider").asText());
        assertEquals("resolved", resolved.path("state").asText());
        assertEquals(6.0 / 26, resolved.path("value").asDouble(), 1e-9);
        for (JsonNode event : items) {
            assertEquals(2, event.path("deliveries").size(), event.toString());
            event.path("deliveries").forEach(d -> assertEquals("delivered", d.path("status").asText(), d.toString()));
        }
        JsonNode firedHook = deliveryTo(fired, webhook);
        assertEquals(2, firedHook.path("attempts").asInt(), "the refused first attempt was retried: " + firedHook);

        assertEquals(1, accepted("firing"));
        assertEquals(1, accepted("resolved"));
        assertEquals(1, received.stream().filter(r -> r.answered() == 503).count());
        for (Received r : received) {
            assertValidSignature(r);
        }
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertEquals(2, mails.length);
        assertTrue(mails[0].getSubject().contains("FIRING"), mails[0].getSubject());
        assertTrue(mails[1].getSubject().contains("RESOLVED"), mails[1].getSubject());
        assertEquals(ruleId, mails[0].getHeader("X-Argus-Rule-Id", null));

        JsonNode page = Fixtures.JSON.readTree(fx.get("/api/v1/alerts/events?limit=1", viewer).body());
        assertEquals(1, page.path("items").size());
        JsonNode next = Fixtures.JSON.readTree(fx.get("/api/v1/alerts/events?limit=1&cursor="
                + page.path("next_cursor").asText(), viewer).body());
        assertEquals(fired.path("id").asText(), next.path("items").get(0).path("id").asText());
        assertTrue(next.path("next_cursor").isNull(), next.toString());
    }

    @Test
    void viewersReadAdminsWriteAndBadInputIsNamed() throws Exception {
        String body = Fixtures.JSON.writeValueAsString(Map.of("name", "r", "metric", "latency_p95",
                "window_seconds", 300, "comparator", "gt", "threshold", 1000, "severity", "warning"));
        assertEquals(403, fx.post("/api/v1/alerts/rules", body, viewer).statusCode());
        HttpResponse<String> created = fx.post("/api/v1/alerts/rules", body, admin);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode createdRule = Fixtures.JSON.readTree(created.body());
        String id = createdRule.path("id").asText();
        // the answer shows the stored rule, defaulted state and times included
        assertEquals("ok", createdRule.path("state").asText(), created.body());
        assertTrue(createdRule.path("created_at").isTextual() && createdRule.path("updated_at").isTextual(),
                created.body());
        assertEquals(200, fx.get("/api/v1/alerts/rules/" + id, viewer).statusCode());
        assertEquals(409, fx.post("/api/v1/alerts/rules", body, admin).statusCode());

        HttpResponse<String> badMetric = fx.post("/api/v1/alerts/rules", body.replace("latency_p95", "vibes"), admin);
        assertEquals(400, badMetric.statusCode());
        assertTrue(Fixtures.errorMessage(badMetric).startsWith("metric:"), badMetric.body());
        HttpResponse<String> badWindow = fx.post("/api/v1/alerts/rules", body.replace("300", "90"), admin);
        assertEquals(400, badWindow.statusCode());
        assertTrue(Fixtures.errorMessage(badWindow).startsWith("window_seconds:"), badWindow.body());
        HttpResponse<String> foreignChannel = fx.post("/api/v1/alerts/rules", Fixtures.JSON.writeValueAsString(Map.of(
                "name", "r2", "metric", "requests", "window_seconds", 300, "comparator", "gt", "threshold", 1,
                "severity", "info", "channel_ids", List.of(UUID.randomUUID()))), admin);
        assertEquals(400, foreignChannel.statusCode());
        assertTrue(Fixtures.errorMessage(foreignChannel).startsWith("channel_ids:"), foreignChannel.body());

        HttpResponse<String> noUrl = fx.post("/api/v1/alerts/channels", Fixtures.JSON.writeValueAsString(Map.of(
                "name", "broken", "extension_id", "webhook", "settings", Map.of())), admin);
        assertEquals(400, noUrl.statusCode());
        assertTrue(Fixtures.errorMessage(noUrl).contains("url"), noUrl.body());
        HttpResponse<String> unknown = fx.post("/api/v1/alerts/channels", Fixtures.JSON.writeValueAsString(Map.of(
                "name", "pager", "extension_id", "pagerduty", "settings", Map.of())), admin);
        assertEquals(400, unknown.statusCode());
        assertTrue(Fixtures.errorMessage(unknown).startsWith("extension_id:"), unknown.body());

        HttpResponse<String> nullSetting = fx.post("/api/v1/alerts/channels", "{\"name\":\"quiet hook\","
                + "\"extension_id\":\"webhook\",\"settings\":{\"url\":\"http://127.0.0.1:9/hook\",\"timeout\":null}}",
                admin);
        assertEquals(201, nullSetting.statusCode(), nullSetting.body());
        JsonNode settings = Fixtures.JSON.readTree(nullSetting.body()).path("settings");
        assertEquals("http://127.0.0.1:9/hook", settings.path("url").asText(), nullSetting.body());
        assertFalse(settings.has("timeout"), "a null setting is not set: " + nullSetting.body());
        HttpResponse<String> badRuleId = fx.get("/api/v1/alerts/events?rule_id=nope", viewer);
        assertEquals(400, badRuleId.statusCode());
        assertTrue(Fixtures.errorMessage(badRuleId).startsWith("rule_id:"), badRuleId.body());

        HttpResponse<String> replaced = fx.send("PUT", "/api/v1/alerts/rules/" + id, body.replace("1000", "2000"), admin);
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(2000.0, Fixtures.JSON.readTree(replaced.body()).path("threshold").asDouble());
        assertEquals(403, fx.send("DELETE", "/api/v1/alerts/rules/" + id, null, viewer).statusCode());
        assertEquals(204, fx.send("DELETE", "/api/v1/alerts/rules/" + id, null, admin).statusCode());
        assertEquals(404, fx.get("/api/v1/alerts/rules/" + id, viewer).statusCode());
    }

    private static String createChannel(Map<String, Object> body) throws Exception {
        HttpResponse<String> res = fx.post("/api/v1/alerts/channels", Fixtures.JSON.writeValueAsString(body), admin);
        assertEquals(201, res.statusCode(), res.body());
        return Fixtures.JSON.readTree(res.body()).path("id").asText();
    }

    private static void ingest(int calls, boolean failing) throws Exception {
        ObjectNode body = Fixtures.JSON.createObjectNode();
        ArrayNode array = body.putArray("calls");
        for (int i = 0; i < calls; i++) {
            ObjectNode c = array.addObject();
            c.put("provider", "openai");
            c.put("model", "gpt-4o-mini");
            c.put("started_at", Instant.now().toString());
            c.put("latency_ms", 100 + i);
            if (failing) {
                c.put("status", "error");
                c.putObject("error").put("category", "server_error").put("message", "upstream 500");
            }
        }
        HttpResponse<String> res = fx.post("/api/v1/ingest", body.toString(), ingestKey.secret());
        assertEquals(2, res.statusCode() / 100, res.body());
    }

    private static long accepted(String state) {
        return received.stream().filter(r -> r.answered() == 200 && r.body().contains("\"state\":\"" + state + "\""))
                .map(r -> r.headers().get("x-argus-event-id")).distinct().count();
    }

    private static JsonNode deliveryTo(JsonNode event, String channelId) {
        for (JsonNode d : event.path("deliveries")) {
            if (d.path("channel_id").asText().equals(channelId)) {
                return d;
            }
        }
        throw new AssertionError("no delivery to " + channelId + " in " + event);
    }

    private static void assertValidSignature(Received r) throws Exception {
        String timestamp = r.headers().get("x-argus-timestamp");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, r.headers().get("x-argus-signature"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; webhook received " + received);
            }
            Thread.sleep(50);
        }
    }
}
