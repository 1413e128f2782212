package dev.argus.plugins.alert.webhook;

import dev.argus.api.alert.AlertEvent;
import dev.argus.plugins.alert.support.AlertWording;
import dev.argus.plugins.alert.support.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.TreeMap;

/** The JSON document the webhook posts for one event (shape documented in PLUGIN_GUIDE.md). */
final class WebhookPayload {

    /** Bumped only when a field changes meaning or disappears; new fields may appear at any time. */
    static final int VERSION = 1;

    private WebhookPayload() {
    }

    static String json(AlertEvent event) {
        JsonObjectBuilder labels = new JsonObjectBuilder();
        new TreeMap<>(event.labels()).forEach(labels::put);
        return new JsonObjectBuilder()
                .put("version", VERSION)
                .put("event_id", eventId(event))
                .put("rule_id", event.ruleId())
                .put("rule_name", event.ruleName())
                .put("project_id", event.projectId())
                .put("state", AlertWording.state(event))
                .put("severity", AlertWording.severity(event))
                .put("message", event.message())
                .put("value", event.value())
                .put("threshold", event.threshold())
                .put("at", event.at() == null ? null : DateTimeFormatter.ISO_INSTANT.format(event.at()))
                .put("link", event.link())
                .put("labels", labels)
                .toString();
    }

    /**
     * The same for every attempt at delivering one event (rule, state, time), so receivers can drop
     * the duplicates that host retries may cause.
     */
    static String eventId(AlertEvent event) {
        String key = event.ruleId() + "\n" + event.state() + "\n" + event.at();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
