package dev.argus.plugins.alert.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.AlertEvent.Severity;
import dev.argus.api.alert.AlertEvent.State;
import dev.argus.api.alert.DeliveryResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlackChannelTest {

    private static final String HOOK_PATH = "/services/T0001/B0002/s3cr3tT0kenXYZ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AlertEvent event(String ruleName, State state, Severity severity) {
        return new AlertEvent("rule-1", ruleName, "proj-7", state, severity, "Error rate 12.5% is above 5%",
                0.125, 0.05, Instant.parse("2026-11-28T10:15:00Z"), "https://argus.example/alerts/rule-1?x=1&y=2",
                Map.of("provider", "anthropic", "model", "claude-sonnet-4"));
    }

    private static SlackChannel channel(String url, Map<String, String> extra) {
        SlackChannel channel = new SlackChannel();
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("webhook_url", url);
        channel.init(HostContext.of(channel.configSchema(), settings, Clock.systemUTC()));
        return channel;
    }

    /**
     * What Slack checks before it accepts a message: JSON, non-empty text, known block types with
     * mrkdwn/plain_text objects inside their size limits, and attachment colours as hex.
     */
    private static List<String> slackProblems(String body) {
        List<String> problems = new ArrayList<>();
        JsonNode message;
        try {
            message = JSON.readTree(body);
        } catch (Exception e) {
            return List.of("not JSON");
        }
        if (!message.path("text").isTextual() || message.get("text").asText().isBlank()) {
            problems.add("missing text");
        }
        checkBlocks(message.path("blocks"), problems);
        for (JsonNode attachment : message.path("attachments")) {
            if (!attachment.path("color").asText().matches("#[0-9A-Fa-f]{6}")) {
                problems.add("bad color");
            }
            checkBlocks(attachment.path("blocks"), problems);
        }
        return problems;
    }

    private static void checkBlocks(JsonNode blocks, List<String> problems) {
        if (!blocks.isArray() || blocks.isEmpty()) {
            problems.add("blocks must be a non-empty array");
            return;
        }
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            if (!Set.of("section", "context").contains(type)) {
                problems.add("unknown block " + type);
            }
            List<JsonNode> texts = new ArrayList<>();
            if (block.has("text")) {
                texts.add(block.get("text"));
            }
            block.path("fields").forEach(texts::add);
            block.path("elements").forEach(texts::add);
            if (block.path("fields").size() > 10) {
                problems.add("more than 10 fields");
            }
            if (texts.isEmpty()) {
                problems.add(type + " without text");
            }
            for (JsonNode text : texts) {
                if (!Set.of("mrkdwn", "plain_text").contains(text.path("type").asText())
                        || text.path("text").asText().isEmpty() || text.path("text").asText().length() > 3000) {
                    problems.add("bad text object " + text);
                }
            }
        }
    }

    /** A Slack stand-in on loopback: 404 for an unknown hook, 400 for a malformed message, else 200 ok. */
    private static LoopbackReceiver slack() throws Exception {
        return new LoopbackReceiver(r -> {
            if (!r.path().equals(HOOK_PATH)) {
                return new LoopbackReceiver.Answer(404, "no_service");
            }
            List<String> problems = slackProblems(r.body());
            return problems.isEmpty() ? new LoopbackReceiver.Answer(200, "ok")
                    : new LoopbackReceiver.Answer(400, "invalid_payload " + problems);
        });
    }

    /** Every string-valued {@code text} member, at any depth. */
    private static String allText(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collectText(node, texts);
        return String.join("\n", texts);
    }

    private static void collectText(JsonNode node, List<String> texts) {
        if (node.path("text").isTextual()) {
            texts.add(node.get("text").asText());
        }
        node.forEach(child -> collectText(child, texts));
    }

    @Test
    void aFiringCriticalAlertIsARedMessageWithValueThresholdAndLink() throws Exception {
        try (LoopbackReceiver slack = slack()) {
            DeliveryResult result = channel(slack.url(HOOK_PATH), Map.of())
                    .deliver(event("Error rate", State.FIRING, Severity.CRITICAL));
            assertTrue(result.delivered(), result.detail());
            assertEquals("Slack answered HTTP 200", result.detail());

            JsonNode message = JSON.readTree(slack.requests.getFirst().body());
            String fallback = message.get("text").asText();
            assertTrue(fallback.startsWith(":rotating_light: [FIRING] CRITICAL: Error rate"), fallback);
            assertTrue(fallback.contains("value 0.125 vs threshold 0.05"), fallback);
            assertEquals("#E01E5A", message.at("/attachments/0/color").asText());
            String text = allText(message);
            assertTrue(text.contains("*Value*\n0.125"), text);
            assertTrue(text.contains("*Threshold*\n0.05"), text);
            assertTrue(text.contains("model=claude-sonnet-4 · provider=anthropic"), text);
            assertTrue(text.contains("2026-11-28 10:15:00 UTC"), text);
            assertTrue(text.contains("<https://argus.example/alerts/rule-1?x=1&amp;y=2|Open in Argus>"), text);
            assertTrue(text.contains("Error rate 12.5% is above 5%"), text);
        }
    }

    @Test
    void severityAndResolutionChooseEmojiAndColour() throws Exception {
        try (LoopbackReceiver slack = slack()) {
            SlackChannel channel = channel(slack.url(HOOK_PATH), Map.of());
            assertTrue(channel.deliver(event("r", State.FIRING, Severity.WARNING)).delivered());
            assertTrue(channel.deliver(event("r", State.FIRING, Severity.INFO)).delivered());
            assertTrue(channel.deliver(event("r", State.RESOLVED, Severity.CRITICAL)).delivered());
            List<JsonNode> messages = new ArrayList<>();
            for (var r : slack.requests) {
                messages.add(JSON.readTree(r.body()));
            }
            assertEquals("#ECB22E", messages.get(0).at("/attachments/0/color").asText());
            assertTrue(messages.get(0).get("text").asText().startsWith(":warning:"));
            assertEquals("#36C5F0", messages.get(1).at("/attachments/0/color").asText());
            assertTrue(messages.get(1).get("text").asText().startsWith(":information_source:"));
            assertEquals("#2EB67D", messages.get(2).at("/attachments/0/color").asText());
            assertTrue(messages.get(2).get("text").asText().startsWith(":white_check_mark: [RESOLVED] r"));
        }
    }

    @Test
    void userTextCannotPingChannelsOrBreakMrkdwn() throws Exception {
        try (LoopbackReceiver slack = slack()) {
            assertTrue(channel(slack.url(HOOK_PATH), Map.of())
                    .deliver(event("<!channel> cost > $5 & rising \"quoted\"", State.FIRING, Severity.WARNING))
                    .delivered());
            String headline = JSON.readTree(slack.requests.getFirst().body()).at("/blocks/0/text/text").asText();
            assertTrue(headline.contains("&lt;!channel&gt; cost &gt; $5 &amp; rising \"quoted\""), headline);
            assertFalse(headline.contains("<!channel>"), headline);
        }
    }

    @Test
    void theConfiguredMentionPrefixesOnlyCriticalFiringAlerts() throws Exception {
        try (LoopbackReceiver slack = slack()) {
            SlackChannel channel = channel(slack.url(HOOK_PATH), Map.of("mention", "<!here>"));
            channel.deliver(event("r", State.FIRING, Severity.CRITICAL));
            channel.deliver(event("r", State.FIRING, Severity.WARNING));
            channel.deliver(event("r", State.RESOLVED, Severity.CRITICAL));
            assertTrue(headline(slack, 0).startsWith("<!here> "), headline(slack, 0));
            assertFalse(headline(slack, 1).contains("<!here>"));
            assertFalse(headline(slack, 2).contains("<!here>"));
        }
    }

    private static String headline(LoopbackReceiver slack, int index) throws Exception {
        return JSON.readTree(slack.requests.get(index).body()).at("/blocks/0/text/text").asText();
    }

    @Test
    void aRefusalIsAFailedDeliveryWithSlacksReasonButNotTheWebhookToken() throws Exception {
        try (LoopbackReceiver slack = new LoopbackReceiver(r ->
                new LoopbackReceiver.Answer(404, "channel_not_found for " + r.path()))) {
            DeliveryResult result = channel(slack.url(HOOK_PATH), Map.of())
                    .deliver(event("r", State.FIRING, Severity.CRITICAL));
            assertFalse(result.delivered());
            assertTrue(result.detail().startsWith("Slack answered HTTP 404: channel_not_found"), result.detail());
            assertFalse(result.detail().contains("s3cr3tT0kenXYZ"), result.detail());
            assertEquals(1, slack.requests.size(), "the channel must not retry by itself");
        }
    }

    @Test
    void aServerErrorIsAFailedDelivery() throws Exception {
        try (LoopbackReceiver slack = new LoopbackReceiver(r -> new LoopbackReceiver.Answer(500, "rollup_error"))) {
            DeliveryResult result = channel(slack.url(HOOK_PATH), Map.of()).deliver(event("r", State.FIRING, Severity.INFO));
            assertFalse(result.delivered());
            assertEquals("Slack answered HTTP 500: rollup_error", result.detail());
        }
    }

    @Test
    void anUnreachableWebhookIsAFailedDeliveryWithoutTheToken() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DeliveryResult result = channel("http://127.0.0.1:" + port + HOOK_PATH, Map.of())
                .deliver(event("r", State.FIRING, Severity.INFO));
        assertFalse(result.delivered());
        assertTrue(result.detail().contains("could not connect to 127.0.0.1:" + port), result.detail());
        assertFalse(result.detail().contains("s3cr3tT0kenXYZ"), result.detail());
    }

    @Test
    void theWebhookUrlIsASecretSetting() {
        var url = new SlackChannel().configSchema().fields().stream()
                .filter(f -> f.name().equals("webhook_url")).findFirst().orElseThrow();
        assertTrue(url.secret());
        assertTrue(url.required());
    }
}
