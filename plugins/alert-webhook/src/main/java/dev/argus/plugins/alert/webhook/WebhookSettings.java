package dev.argus.plugins.alert.webhook;

import dev.argus.api.PluginConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The webhook channel's validated settings.
 *
 * @param url     where events are posted
 * @param secret  the HMAC key, or {@code null} to send unsigned
 * @param timeout the deadline for one delivery
 * @param headers extra request headers, in the order given
 */
record WebhookSettings(URI url, String secret, Duration timeout, Map<String, String> headers) {

    /** Headers the channel sets itself or the HTTP client refuses; users may not override them. */
    private static final Set<String> RESERVED = Set.of("content-type", "content-length", "host", "connection",
            "expect", "upgrade", "user-agent", "x-argus-signature", "x-argus-timestamp", "x-argus-event-id");

    static WebhookSettings from(PluginConfig config) {
        URI url = URI.create(config.getString("url", "").strip());
        if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("url must be an http or https URL");
        }
        String secret = config.get("secret").filter(s -> !s.isBlank()).orElse(null);
        Duration timeout = config.getDuration("timeout", Duration.ofSeconds(10));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return new WebhookSettings(url, secret, timeout, parseHeaders(config.getString("headers", "")));
    }

    /**
     * Parses {@code Name: value} pairs, one per line. Error messages name the header, never the value,
     * because values are often credentials.
     */
    static Map<String, String> parseHeaders(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("headers: each line must be 'Name: value'");
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("headers: '" + name + "' is not a valid header name");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("headers: " + name + " is set by Argus and cannot be overridden");
            }
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new IllegalArgumentException("headers: the value of " + name + " contains control characters");
            }
            headers.put(name, value);
        }
        return Map.copyOf(headers);
    }
}
