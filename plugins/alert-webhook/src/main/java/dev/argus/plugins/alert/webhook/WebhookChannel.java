package dev.argus.plugins.alert.webhook;

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
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Posts each alert event as JSON to a URL. With a {@code secret}, every request carries
 * {@code X-Argus-Timestamp} and {@code X-Argus-Signature} (see {@link WebhookSignature}). A non-2xx
 * answer or a network failure is reported as a failed delivery; the host decides about retries.
 */
@Extension
public final class WebhookChannel implements AlertChannel {

    private volatile State state;

    private record State(WebhookSettings settings, SecretRedactor redactor, HttpClient client, Clock clock) {
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public String displayName() {
        return "Webhook";
    }

    @Override
    public String description() {
        return "POSTs each fired or resolved alert as JSON to a URL, signed with HMAC-SHA256 "
                + "(X-Argus-Signature over X-Argus-Timestamp and the body) when a secret is set.";
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.required("url", Type.URL, "The http(s) endpoint that receives the JSON events."),
                new ConfigField("secret", Type.STRING, false, true, null,
                        "Key for the HMAC-SHA256 signature; leave empty to send unsigned requests.", List.of()),
                ConfigField.optional("timeout", Type.DURATION, "10s",
                        "Deadline for one delivery: connect, send and read the answer."),
                new ConfigField("headers", Type.STRING, false, true, null,
                        "Extra request headers, one 'Name: value' per line (e.g. an Authorization header).",
                        List.of()));
    }

    @Override
    public void init(PluginContext context) {
        WebhookSettings settings = WebhookSettings.from(context.config());
        List<String> secrets = new ArrayList<>(settings.headers().values());
        if (settings.secret() != null) {
            secrets.add(settings.secret());
        }
        state = new State(settings, SecretRedactor.of(secrets), context.httpClient(), context.clock());
    }

    @Override
    public DeliveryResult deliver(AlertEvent event) {
        State s = state;
        if (s == null) {
            return DeliveryResult.failed("webhook channel is not configured");
        }
        WebhookSettings settings = s.settings();
        String body = WebhookPayload.json(event);
        Map<String, String> headers = new LinkedHashMap<>(settings.headers());
        headers.put("X-Argus-Event-Id", WebhookPayload.eventId(event));
        if (settings.secret() != null) {
            long timestamp = s.clock().instant().getEpochSecond();
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
            headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(settings.secret(), timestamp, body));
        }
        try {
            PostedAnswer answer = JsonPost.send(s.client(), settings.url(), body, headers, settings.timeout());
            String receiver = JsonPost.receiverName(settings.url());
            if (answer.accepted()) {
                return DeliveryResult.ok(receiver + " answered HTTP " + answer.status());
            }
            String snippet = answer.bodySnippet();
            return DeliveryResult.failed(s.redactor().redact(receiver + " answered HTTP " + answer.status()
                    + (snippet.isEmpty() ? "" : ": " + snippet)));
        } catch (DeliveryFailure e) {
            return DeliveryResult.failed(s.redactor().redact(e.getMessage()));
        }
    }
}
