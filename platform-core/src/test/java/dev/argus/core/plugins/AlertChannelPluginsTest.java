package dev.argus.core.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.argus.api.ExtensionKind;
import dev.argus.api.alert.AlertChannel;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.DeliveryResult;
import dev.argus.core.testing.TestPlugins;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three bundled alert channel jars, loaded from a folder by the real plugin host, deliver through
 * the registry's wrapped extensions to real receivers on loopback: an HTTP server that checks the
 * webhook signature, a Slack-format receiver and a GreenMail SMTP server.
 */
class AlertChannelPluginsTest {

    private static final String WEBHOOK_SECRET = "whsec-core-test-7f3a";
    private static final String SMTP_PASSWORD = "smtp-core-pa55";
    private static final String SLACK_PATH = "/services/T1/B2/slackT0ken";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path plugins;

    private HttpServer http;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private GreenMail smtp;

    private record Received(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startReceivers() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", exchange -> {
            Received r = new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(r);
            int status = switch (r.path()) {
                case "/webhook" -> signed(r) ? 200 : 401;
                case SLACK_PATH -> JSON.readTree(r.body()).path("text").isTextual() ? 200 : 400;
                default -> 500;
            };
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        http.start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        smtp.setUser("alerts@argus.test", "alerts", SMTP_PASSWORD);
    }

    @AfterEach
    void stopReceivers() {
        http.stop(0);
        smtp.stop();
    }

    private static boolean signed(Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(
                    (r.header("X-Argus-Timestamp") + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(r.header("X-Argus-Signature"));
        } catch (Exception e) {
            return false;
        }
    }

    private String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private Map<String, Map<String, String>> settings(String smtpPassword) {
        return Map.of(
                "webhook", Map.of("url", base() + "/webhook", "secret", WEBHOOK_SECRET),
                "slack", Map.of("webhook_url", base() + SLACK_PATH),
                "email", Map.of("host", "127.0.0.1", "port", Integer.toString(smtp.getSmtp().getPort()),
                        "security", "none", "username", "alerts", "password", smtpPassword,
                        "from", "alerts@argus.test", "to", "oncall@team.test"));
    }

    private PluginHost start(Map<String, Map<String, String>> settings) throws IOException {
        for (String jar : List.of("alert-webhook.jar", "alert-slack.jar", "alert-email.jar")) {
            TestPlugins.copyBundled(jar, plugins);
        }
        PluginHost host = new PluginHost(plugins, settings, Clock.systemUTC());
        host.start();
        return host;
    }

    private static AlertEvent event() {
        return new AlertEvent("rule-1", "p95 latency", "proj-1", AlertEvent.State.FIRING, AlertEvent.Severity.CRITICAL,
                "p95 latency 2300 ms is above 1500 ms", 2300, 1500, Instant.parse("2026-11-28T10:00:00Z"),
                "https://argus.example/alerts/rule-1", Map.of("model", "gpt-4o"));
    }

    @Test
    void theThreeJarsLoadAsActiveAlertChannels() throws Exception {
        try (PluginHost host = start(settings(SMTP_PASSWORD))) {
            for (var expected : Map.of("alert-webhook", "webhook", "alert-slack", "slack", "alert-email", "email")
                    .entrySet()) {
                PluginStatus plugin = host.statuses().stream().filter(p -> p.id().equals(expected.getKey()))
                        .findFirst().orElseThrow(() -> new AssertionError("no plugin " + expected.getKey()));
                assertEquals("started", plugin.state(), plugin.toString());
                assertEquals(1, plugin.extensions().size(), plugin.toString());
                PluginStatus.ExtensionStatus extension = plugin.extensions().getFirst();
                assertEquals(expected.getValue(), extension.id());
                assertEquals("active", extension.state(), String.valueOf(extension.problem()));
                assertTrue(host.registry().alertChannel(expected.getValue()).isPresent());
            }
        }
    }

    @Test
    void eachChannelDeliversToItsReceiverThroughTheRegistry() throws Exception {
        try (PluginHost host = start(settings(SMTP_PASSWORD))) {
            DeliveryResult webhook = host.registry().alertChannel("webhook").orElseThrow().deliver(event());
            assertTrue(webhook.delivered(), webhook.detail());
            Received hook = received.stream().filter(r -> r.path().equals("/webhook")).findFirst().orElseThrow();
            JsonNode body = JSON.readTree(hook.body());
            assertEquals("p95 latency", body.get("rule_name").asText());
            assertEquals("firing", body.get("state").asText());
            assertEquals(2300, body.get("value").asDouble());

            DeliveryResult slack = host.registry().alertChannel("slack").orElseThrow().deliver(event());
            assertTrue(slack.delivered(), slack.detail());
            JsonNode message = JSON.readTree(received.stream().filter(r -> r.path().equals(SLACK_PATH))
                    .findFirst().orElseThrow().body());
            assertTrue(message.get("text").asText().contains("[FIRING] CRITICAL: p95 latency"), message.toString());
            assertEquals("#E01E5A", message.at("/attachments/0/color").asText());

            DeliveryResult email = host.registry().alertChannel("email").orElseThrow().deliver(event());
            assertTrue(email.delivered(), email.detail());
            assertTrue(smtp.waitForIncomingEmail(5000, 1));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertTrue(mail.getSubject().contains("[FIRING] CRITICAL: p95 latency"), mail.getSubject());
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
            assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
            assertTrue(((String) parts.getBodyPart(1).getContent()).contains("p95 latency 2300 ms is above 1500 ms"));
        }
    }

    @Test
    void theEmailPluginUsesItsOwnRelocatedMailLibrary() throws Exception {
        try (PluginHost host = start(settings(SMTP_PASSWORD))) {
            AlertChannel email = host.registry().alertChannel("email").orElseThrow();
            Object target = targetOf(email);
            ClassLoader loader = target.getClass().getClassLoader();
            assertNotSame(getClass().getClassLoader(), loader);
            // core's test class path has Jakarta Mail (GreenMail's); the plugin must not see it
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("jakarta.mail.Session"));
            loader.loadClass("dev.argus.plugins.alert.email.shaded.jakarta.mail.Session");
        }
    }

    @Test
    void failuresComeBackAsFailedResultsWithoutSecrets() throws Exception {
        try (PluginHost host = start(settings("wrong-" + SMTP_PASSWORD))) {
            DeliveryResult email = host.registry().alertChannel("email").orElseThrow().deliver(event());
            assertFalse(email.delivered());
            assertTrue(email.detail().contains("refused the login"), email.detail());
            assertFalse(email.detail().contains(SMTP_PASSWORD), email.detail());
        }
        http.stop(0);
        try (PluginHost host = start(settings(SMTP_PASSWORD))) {
            DeliveryResult webhook = host.registry().alertChannel("webhook").orElseThrow().deliver(event());
            assertFalse(webhook.delivered());
            assertTrue(webhook.detail().contains("could not connect"), webhook.detail());
            DeliveryResult slack = host.registry().alertChannel("slack").orElseThrow().deliver(event());
            assertFalse(slack.delivered());
            assertFalse(slack.detail().contains("slackT0ken"), slack.detail());
        }
    }

    @Test
    void missingRequiredSettingsLeaveAChannelMisconfiguredNotBroken() throws Exception {
        try (PluginHost host = start(Map.of())) {
            RegisteredExtension webhook = host.registry().find(ExtensionKind.ALERT_CHANNEL, "webhook").orElseThrow();
            assertEquals("misconfigured", webhook.state());
            assertTrue(webhook.problem().contains("url is required"), webhook.problem());
            RegisteredExtension email = host.registry().find(ExtensionKind.ALERT_CHANNEL, "email").orElseThrow();
            assertEquals("misconfigured", email.state());
            assertTrue(host.registry().alertChannel("slack").isEmpty());
        }
    }

    private static Object targetOf(Object proxy) throws Exception {
        var handler = Proxy.getInvocationHandler(proxy);
        for (var field : handler.getClass().getDeclaredFields()) {
            field.setAccessible(true);
            if (field.get(handler) instanceof AlertChannel channel) {
                return channel;
            }
        }
        throw new AssertionError("no target in proxy");
    }
}
