package dev.argus.plugins.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.AlertEvent.Severity;
import dev.argus.api.alert.AlertEvent.State;
import dev.argus.api.alert.DeliveryResult;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {

    private static final String SECRET = "whsec-0f1e2d3c4b5a";
    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AlertEvent event(String ruleName) {
        return new AlertEvent("rule-42", ruleName, "proj-7", State.FIRING, Severity.CRITICAL,
                "p95 latency 2310 ms is above 1500 ms", 2310.5, 1500, Instant.parse("2026-11-28T10:15:00Z"),
                "https://argus.example/alerts/rule-42", Map.of("provider", "openai", "model", "gpt-4o"));
    }

    private static WebhookChannel channel(Map<String, String> settings) {
        WebhookChannel channel = new WebhookChannel();
        channel.init(HostContext.of(channel.configSchema(), settings, CLOCK));
        return channel;
    }

    /** The receiver's own check, written from the documented scheme rather than the plugin's code. */
    private static boolean signatureValid(String secret, String timestamp, String body, String header) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void postsSignedJsonThatTheReceiverVerifies() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(r -> {
            try {
                String ts = r.headers().getFirst("X-Argus-Timestamp");
                boolean fresh = Math.abs(Long.parseLong(ts) - NOW.getEpochSecond()) <= 300;
                boolean valid = signatureValid(SECRET, ts, r.body(), r.headers().getFirst("X-Argus-Signature"));
                return new LoopbackReceiver.Answer(fresh && valid ? 204 : 401, "");
            } catch (Exception e) {
                return new LoopbackReceiver.Answer(400, String.valueOf(e));
            }
        })) {
            WebhookChannel channel = channel(Map.of("url", receiver.url("/hooks/argus"), "secret", SECRET,
                    "headers", "Authorization: Bearer tok-123\nX-Team: llm-ops"));

            DeliveryResult result = channel.deliver(event("High p95 latency"));

            assertTrue(result.delivered(), result.detail());
            assertTrue(result.detail().contains("204"), result.detail());
            LoopbackReceiver.Received got = receiver.requests.getFirst();
            assertEquals("POST", got.method());
            assertEquals("/hooks/argus", got.path());
            assertEquals("Bearer tok-123", got.headers().getFirst("Authorization"));
            assertEquals("llm-ops", got.headers().getFirst("X-Team"));
            assertTrue(got.headers().getFirst("Content-Type").startsWith("application/json"));
            assertEquals(Long.toString(NOW.getEpochSecond()), got.headers().getFirst("X-Argus-Timestamp"));

            JsonNode body = JSON.readTree(got.body());
            assertEquals(1, body.get("version").asInt());
            assertEquals("rule-42", body.get("rule_id").asText());
            assertEquals("High p95 latency", body.get("rule_name").asText());
            assertEquals("proj-7", body.get("project_id").asText());
            assertEquals("firing", body.get("state").asText());
            assertEquals("critical", body.get("severity").asText());
            assertEquals("p95 latency 2310 ms is above 1500 ms", body.get("message").asText());
            assertEquals(2310.5, body.get("value").asDouble());
            assertEquals(1500, body.get("threshold").asDouble());
            assertEquals("2026-11-28T10:15:00Z", body.get("at").asText());
            assertEquals("https://argus.example/alerts/rule-42", body.get("link").asText());
            assertEquals(Map.of("model", "gpt-4o", "provider", "openai"),
                    JSON.convertValue(body.get("labels"), Map.class));
            assertEquals(body.get("event_id").asText(), got.headers().getFirst("X-Argus-Event-Id"));
        }
    }

    @Test
    void aTamperedBodyOrAnotherTimestampFailsTheReceiversCheck() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(r -> new LoopbackReceiver.Answer(200, "ok"))) {
            channel(Map.of("url", receiver.url("/"), "secret", SECRET)).deliver(event("Cost per user"));
            LoopbackReceiver.Received got = receiver.requests.getFirst();
            String ts = got.headers().getFirst("X-Argus-Timestamp");
            String signature = got.headers().getFirst("X-Argus-Signature");
            assertTrue(signature.matches("sha256=[0-9a-f]{64}"), signature);
            assertTrue(signatureValid(SECRET, ts, got.body(), signature));
            assertFalse(signatureValid(SECRET, ts, got.body().replace("Cost", "Kost"), signature));
            assertFalse(signatureValid(SECRET, Long.toString(Long.parseLong(ts) - 3600), got.body(), signature));
            assertFalse(signatureValid("another-secret", ts, got.body(), signature));
        }
    }

    @Test
    void withoutASecretRequestsAreUnsigned() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(r -> new LoopbackReceiver.Answer(200, "ok"))) {
            assertTrue(channel(Map.of("url", receiver.url("/"))).deliver(event("Errors")).delivered());
            LoopbackReceiver.Received got = receiver.requests.getFirst();
            assertNull(got.headers().getFirst("X-Argus-Signature"));
            assertNull(got.headers().getFirst("X-Argus-Timestamp"));
            assertEquals("Errors", JSON.readTree(got.body()).get("rule_name").asText());
        }
    }

    @Test
    void awkwardTextSurvivesTheRoundTripThroughJson() throws Exception {
        String name = "Quote \" backslash \\ newline \n tab \t ctrl \u0001 line-sep \u2028 emoji 🚨 é </script>";
        AlertEvent event = new AlertEvent("r", name, "p", State.RESOLVED, Severity.INFO, null, Double.NaN,
                Double.POSITIVE_INFINITY, Instant.parse("2026-11-28T10:15:00Z"), null, Map.of("k\"ey", "v\nal"));
        try (LoopbackReceiver receiver = new LoopbackReceiver(r -> new LoopbackReceiver.Answer(200, ""))) {
            assertTrue(channel(Map.of("url", receiver.url("/"))).deliver(event).delivered());
            JsonNode body = JSON.readTree(receiver.requests.getFirst().body());
            assertEquals(name, body.get("rule_name").asText());
            assertEquals("resolved", body.get("state").asText());
            assertTrue(body.get("message").isNull());
            assertTrue(body.get("value").isNull(), "NaN has no JSON form");
            assertTrue(body.get("threshold").isNull());
            assertTrue(body.get("link").isNull());
            assertEquals("v\nal", body.get("labels").get("k\"ey").asText());
        }
    }

    @Test
    void eventIdIsStableAcrossRetriesOfOneEventAndDiffersBetweenEvents() {
        AlertEvent fired = event("A");
        AlertEvent resolved = new AlertEvent(fired.ruleId(), "A", "proj-7", State.RESOLVED, Severity.CRITICAL,
                "", 1, 1500, fired.at().plusSeconds(60), null, Map.of());
        assertEquals(WebhookPayload.eventId(fired), WebhookPayload.eventId(event("A")));
        assertFalse(WebhookPayload.eventId(fired).equals(WebhookPayload.eventId(resolved)));
    }

    @Test
    void aServerErrorIsAFailedDeliveryWithTheStatusAndNoSecret() throws Exception {
        // a badly behaved receiver that echoes the request headers, secrets included, in its error page
        try (LoopbackReceiver receiver = new LoopbackReceiver(r -> new LoopbackReceiver.Answer(500,
                "internal error; you sent Authorization=" + r.headers().getFirst("Authorization")
                        + " key=" + SECRET))) {
            DeliveryResult result = channel(Map.of("url", receiver.url("/"), "secret", SECRET,
                    "headers", "Authorization: Bearer tok-123")).deliver(event("Errors"));
            assertFalse(result.delivered());
            assertTrue(result.detail().contains("HTTP 500"), result.detail());
            assertTrue(result.detail().contains("internal error"), result.detail());
            assertFalse(result.detail().contains(SECRET), result.detail());
            assertFalse(result.detail().contains("tok-123"), result.detail());
            assertEquals(1, receiver.requests.size(), "the channel must not retry by itself");
        }
    }

    @Test
    void redirectsAndClientErrorsAreFailuresToo() throws Exception {
        try (LoopbackReceiver receiver = new LoopbackReceiver(r -> new LoopbackReceiver.Answer(
                r.path().equals("/moved") ? 301 : 404, "gone"))) {
            assertTrue(channel(Map.of("url", receiver.url("/moved"))).deliver(event("x")).detail().contains("301"));
            DeliveryResult missing = channel(Map.of("url", receiver.url("/nope"))).deliver(event("x"));
            assertFalse(missing.delivered());
            assertTrue(missing.detail().contains("HTTP 404"), missing.detail());
        }
    }

    @Test
    void aClosedPortIsAFailedDeliveryNamingTheReceiver() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DeliveryResult result = channel(Map.of("url", "http://127.0.0.1:" + port + "/hook", "secret", SECRET))
                .deliver(event("x"));
        assertFalse(result.delivered());
        assertTrue(result.detail().contains("could not connect to 127.0.0.1:" + port), result.detail());
        assertFalse(result.detail().contains(SECRET));
    }

    @Test
    void aReceiverThatNeverAnswersIsCutOffAtTheTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (LoopbackReceiver receiver = new LoopbackReceiver(r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new LoopbackReceiver.Answer(200, "");
        })) {
            DeliveryResult result = channel(Map.of("url", receiver.url("/"), "timeout", "300ms")).deliver(event("x"));
            release.countDown();
            assertFalse(result.delivered());
            assertTrue(result.detail().contains("no answer") && result.detail().contains("300ms"), result.detail());
        }
    }

    @Test
    void invalidHeadersAreRejectedWithoutQuotingTheirValues() {
        WebhookChannel channel = new WebhookChannel();
        for (String headers : List.of("X-Argus-Signature: forged", "Content-Type: text/plain",
                "no colon here super-secret-value", "Bad Name: super-secret-value")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> channel.init(
                    HostContext.of(channel.configSchema(), Map.of("url", "https://example.com/h", "headers", headers),
                            CLOCK)));
            assertTrue(e.getMessage().startsWith("headers:"), e.getMessage());
            assertFalse(e.getMessage().contains("super-secret-value") || e.getMessage().contains("forged"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> channel.init(
                HostContext.of(channel.configSchema(), Map.of("url", "ftp://example.com/h"), CLOCK)));
    }

    @Test
    void secretsAreMarkedSecretInTheSchema() {
        var fields = new WebhookChannel().configSchema().fields();
        assertTrue(fields.stream().filter(f -> f.name().equals("secret")).findFirst().orElseThrow().secret());
        assertTrue(fields.stream().filter(f -> f.name().equals("headers")).findFirst().orElseThrow().secret());
        assertFalse(fields.stream().filter(f -> f.name().equals("url")).findFirst().orElseThrow().secret());
    }
}
