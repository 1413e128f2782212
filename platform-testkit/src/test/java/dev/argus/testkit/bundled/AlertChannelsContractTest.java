package dev.argus.testkit.bundled;

import dev.argus.api.alert.AlertChannel;
import dev.argus.plugins.alert.slack.SlackChannel;
import dev.argus.plugins.alert.webhook.WebhookChannel;
import dev.argus.testkit.contract.AlertChannelContract;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The bundled webhook and Slack channels pass the alert channel contract. */
class AlertChannelsContractTest {

    @Nested
    class Webhook extends AlertChannelContract {
        @Override
        protected AlertChannel newExtension() {
            return new WebhookChannel();
        }

        @Override
        protected Map<String, String> settingsFor(URI url) {
            return Map.of("url", url.toString(), "secret", "signing-secret-0123456789", "timeout", "5s");
        }
    }

    @Nested
    class Slack extends AlertChannelContract {
        @Override
        protected AlertChannel newExtension() {
            return new SlackChannel();
        }

        @Override
        protected Map<String, String> settingsFor(URI url) {
            return Map.of("webhook_url", url.toString(), "timeout", "5s");
        }
    }
}
