package dev.argus.plugins.alert.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Removes configured secrets from text before it leaves the plugin (delivery details, log lines).
 * Exception messages of HTTP and mail libraries may quote URLs, headers or server replies; this is
 * the last line of defence that keeps a secret out of them.
 */
public final class SecretRedactor {

    /** What replaces a secret. */
    public static final String MASK = "***";

    private static final int SHORTEST_SECRET = 3;

    private final List<String> secrets;

    private SecretRedactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A redactor for the given secret values; blank and very short values are ignored. */
    public static SecretRedactor of(Collection<String> values) {
        List<String> secrets = new ArrayList<>();
        for (String value : values) {
            if (value != null && value.strip().length() >= SHORTEST_SECRET) {
                secrets.add(value.strip());
            }
        }
        // longest first, so a secret that contains another is masked whole
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretRedactor(List.copyOf(secrets));
    }

    /** The secret parts of a URL whose path and query carry a token (Slack webhooks and the like). */
    public static List<String> secretPartsOf(URI url) {
        List<String> parts = new ArrayList<>();
        parts.add(url.toString());
        if (url.getRawPath() != null && url.getRawPath().length() > 1) {
            parts.add(url.getRawPath());
            parts.add(url.getPath());
        }
        if (url.getRawQuery() != null) {
            parts.add(url.getRawQuery());
        }
        return parts;
    }

    /** The text with every secret replaced by {@link #MASK}; {@code null} stays {@code null}. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
