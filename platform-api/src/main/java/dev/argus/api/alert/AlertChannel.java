package dev.argus.api.alert;

import dev.argus.api.ArgusExtension;

/**
 * Delivers alerts somewhere people will see them. The host retries failed deliveries, so a channel
 * reports failure rather than retrying itself.
 */
public interface AlertChannel extends ArgusExtension {

    /** Delivers one alert event; must not throw for delivery failures, report them instead. */
    DeliveryResult deliver(AlertEvent event);
}
