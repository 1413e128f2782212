package dev.argus.plugins.alert.email;

import dev.argus.api.PluginConfig;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.List;

/**
 * The email channel's validated settings.
 *
 * @param host          SMTP server
 * @param port          SMTP port
 * @param security      how the connection is protected
 * @param username      login, or {@code null} to send without authenticating
 * @param password      the login's password, or {@code null}
 * @param from          the sender
 * @param to            the recipients
 * @param subjectPrefix put before every subject, may be empty
 * @param timeout       deadline for connecting and for each read and write on the connection
 * @param sslTrust      hosts whose certificate is trusted without validation, or {@code null}
 */
record EmailSettings(String host, int port, Security security, String username, String password,
                     InternetAddress from, List<InternetAddress> to, String subjectPrefix, Duration timeout,
                     String sslTrust) {

    /** Connection protection. */
    enum Security {
        /** Plain connection upgraded with STARTTLS; refuses to send if the server does not offer it. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        SSL,
        /** No encryption: only for a relay on a trusted network or loopback. */
        NONE
    }

    static EmailSettings from(PluginConfig config) {
        String host = config.getString("host", "").strip();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is required");
        }
        long port = config.getLong("port", 587);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535");
        }
        Security security = Security.valueOf(config.getString("security", "starttls").toUpperCase(java.util.Locale.ROOT));
        String username = config.get("username").filter(s -> !s.isBlank()).orElse(null);
        String password = config.get("password").filter(s -> !s.isBlank()).orElse(null);
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password must be given together");
        }
        Duration timeout = config.getDuration("timeout", Duration.ofSeconds(10));
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return new EmailSettings(host, (int) port, security, username, password,
                address("from", config.getString("from", "")), addresses(config.getString("to", "")),
                config.getString("subject_prefix", "[Argus]").strip(), timeout,
                config.get("ssl_trust").filter(s -> !s.isBlank()).orElse(null));
    }

    private static InternetAddress address(String key, String value) {
        try {
            InternetAddress address = new InternetAddress(value.strip(), true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalArgumentException(key + " is not a valid email address: " + e.getMessage());
        }
    }

    private static List<InternetAddress> addresses(String value) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(value, true);
            if (parsed.length == 0) {
                throw new IllegalArgumentException("to needs at least one address");
            }
            for (InternetAddress address : parsed) {
                address.validate();
            }
            return List.of(parsed);
        } catch (AddressException e) {
            throw new IllegalArgumentException("to is not a comma-separated list of email addresses: " + e.getMessage());
        }
    }
}
