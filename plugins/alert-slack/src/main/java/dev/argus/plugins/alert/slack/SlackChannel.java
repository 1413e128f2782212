package dev.argus.plugins.alert.slack;

import dev.argus.api.ConfigField;
import dev.argus.api.ConfigField.Type;
import dev.argus.api.ConfigSchema;
import dev.argus.api.PluginContext;
import dev.argus.api.alert.AlertChannel;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.DeliveryResult;
import dev.argus.plugins.alert.support.DeliveryFailure;
import dev.argus.plugins.alert.support.JsonPost;
import dev.argus.plugins.alert.support.PostedAnswer;
import dev.argus.plugins.alert.support.SecretRedactor;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Posts alert events to a Slack incoming webhook. The webhook URL is the credential (anyone who has
 * it can post to the channel), so it is a secret setting and never appears in delivery details.
 */
@Extension
public final class SlackChannel implements AlertChannel {

    private volatile State state;

    private record State(URI webhook, Duration timeout, String mention, SecretRedactor redactor, HttpClient client) {
    }

    @Override
    public String id() {
        return "slack";
    }

    @Override
    public String displayName() {
        return "Slack";
    }

    @Override
    public String description() {
        return "Posts fired and resolved alerts to a Slack channel through an incoming webhook, "
                + "coloured and marked by severity, with value, threshold and a link to the console.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                new ConfigField("webhook_url", Type.URL, true, true, null,
                        "The incoming-webhook URL Slack gave you (https://hooks.slack.com/services/…).", List.of()),
                ConfigField.optional("mention", Type.STRING, null,
                        "Prefix for critical firing alerts, e.g. <!here>, <!channel> or <@U024BE7LH>."),
                ConfigField.optional("timeout", Type.DURATION, "10s",
                        "Deadline for one delivery: connect, send and read Slack's answer."));
    }

    @Override
    public void init(PluginContext context) {
        URI webhook = URI.create(context.config().getString("webhook_url", "").strip());
        if (!"https".equalsIgnoreCase(webhook.getScheme()) && !"http".equalsIgnoreCase(webhook.getScheme())) {
            throw new IllegalArgumentException("webhook_url must be an https URL");
        }
        Duration timeout = context.config().getDuration("timeout", Duration.ofSeconds(10));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        String mention = context.config().get("mention").filter(m -> !m.isBlank()).orElse(null);
        state = new State(webhook, timeout, mention, SecretRedactor.of(SecretRedactor.secretPartsOf(webhook)),
                context.httpClient());
    }

    @Override
    public DeliveryResult deliver(AlertEvent event) {
        State s = state;
        if (s == null) {
            return DeliveryResult.failed("slack channel is not configured");
        }
        try {
            PostedAnswer answer = JsonPost.send(s.client(), s.webhook(), SlackMessage.json(event, s.mention()),
                    Map.of(), s.timeout());
            if (answer.accepted()) {
                return DeliveryResult.ok("Slack answered HTTP " + answer.status());
            }
            // Slack explains refusals in a short plain-text body: invalid_payload, no_service, channel_not_found…
            String snippet = answer.bodySnippet();
            return DeliveryResult.failed(s.redactor().redact("Slack answered HTTP " + answer.status()
                    + (snippet.isEmpty() ? "" : ": " + snippet)));
        } catch (DeliveryFailure e) {
            return DeliveryResult.failed(s.redactor().redact(e.getMessage()));
        }
    }
}
