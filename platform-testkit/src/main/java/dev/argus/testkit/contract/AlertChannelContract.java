package dev.argus.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.api.ConfigField;
import dev.argus.api.alert.AlertChannel;
import dev.argus.api.alert.AlertEvent;
import dev.argus.api.alert.DeliveryResult;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link AlertChannel} that delivers over HTTP (webhooks, chat services): one
 * request per delivery, failures reported as {@link DeliveryResult#failed} rather than thrown or
 * retried (the host owns retries), and no secret or URL path (which often carries a token) in the
 * result's detail. The tests run the channel against an {@link AlertReceiver} on loopback.
 *
 * <pre>{@code
 * class MyChannelContractTest extends AlertChannelContract {
 *     @Override
 *     protected AlertChannel newExtension() {
 *         return new MyChannel();
 *     }
 *
 *     @Override
 *     protected Map<String, String> settingsFor(URI url) {
 *         return Map.of("webhook_url", url.toString());
 *     }
 * }
 * }</pre>
 */
public abstract class AlertChannelContract extends ExtensionContract<AlertChannel> {

    /** Settings that make the channel deliver to {@code url}; include values for secret fields so the tests can look for leaks. */
    protected abstract Map<String, String> settingsFor(URI url);

    /** Settings pointing at a port where nothing listens; the common extension tests only initialise with them. */
    @Override
    protected final Map<String, String> settings() {
        return settingsFor(AlertReceiver.closedPort("/hooks/contract"));
    }

    /** The event delivered; by default a critical alert of a latency rule. */
    protected AlertEvent event(AlertEvent.State state) {
        return new AlertEvent(UUID.nameUUIDFromBytes("rule".getBytes()).toString(), "p95 latency", UUID.randomUUID().toString(),
                state, AlertEvent.Severity.CRITICAL, "p95 latency 2400 ms is above 2000 ms", 2400, 2000,
                Instant.parse("2026-01-15T10:00:00Z"), "http://127.0.0.1:8080/alerts/1",
                Map.of("provider", "openai", "model", "gpt-4o-mini"));
    }

    @Test
    void deliversAFiringAlertInOneRequest() {
        try (AlertReceiver receiver = AlertReceiver.start()) {
            DeliveryResult result = channelFor(receiver.url("/hooks/firing")).deliver(event(AlertEvent.State.FIRING));
            assertNotNull(result, "deliver returned null");
            assertTrue(result.delivered(), "a receiver answering 200 did not count as delivered: " + result.detail());
            assertEquals(1, receiver.received().size(), "one delivery must be one request");
        }
    }

    @Test
    void deliversAResolvedAlert() {
        try (AlertReceiver receiver = AlertReceiver.start()) {
            DeliveryResult result = channelFor(receiver.url("/hooks/resolved")).deliver(event(AlertEvent.State.RESOLVED));
            assertTrue(result.delivered(), "a resolved alert was not delivered: " + result.detail());
            assertEquals(1, receiver.received().size());
        }
    }

    @Test
    void reportsARefusalWithoutRetrying() {
        try (AlertReceiver receiver = AlertReceiver.start().answer(500, "boom")) {
            DeliveryResult result = channelFor(receiver.url("/hooks/refused")).deliver(event(AlertEvent.State.FIRING));
            assertFalse(result.delivered(), "HTTP 500 counted as delivered");
            assertEquals(1, receiver.received().size(), "the channel retried; the host owns retries and backoff");
        }
    }

    @Test
    void reportsAnUnreachableReceiverWithoutThrowing() {
        DeliveryResult result = channelFor(AlertReceiver.closedPort("/hooks/closed")).deliver(event(AlertEvent.State.FIRING));
        assertFalse(result.delivered(), "a refused connection counted as delivered");
    }

    @Test
    void detailsNameNeitherTheUrlPathNorASecret() {
        String token = "T" + UUID.randomUUID().toString().replace("-", "");
        List<String> details = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(token));
        try (AlertReceiver receiver = AlertReceiver.start()) {
            URI url = receiver.url("/hooks/" + token);
            Map<String, String> settings = settingsFor(url);
            for (ConfigField field : newExtension().configSchema().fields()) {
                String value = settings.get(field.name());
                if (field.secret() && value != null && value.length() >= 4) {
                    secrets.add(value);
                }
            }
            AlertChannel channel = channelFor(url);
            details.add(channel.deliver(event(AlertEvent.State.FIRING)).detail());
            receiver.answer(403, "invalid_token");
            details.add(channel.deliver(event(AlertEvent.State.FIRING)).detail());
        }
        details.add(channelFor(AlertReceiver.closedPort("/hooks/" + token)).deliver(event(AlertEvent.State.FIRING)).detail());
        for (String detail : details) {
            for (String secret : secrets) {
                assertFalse(detail != null && detail.contains(secret),
                        "a delivery detail reveals a secret or the URL's path: " + detail);
            }
        }
    }

    private AlertChannel channelFor(URI url) {
        return TestContext.init(newExtension(), settingsFor(url));
    }
}
