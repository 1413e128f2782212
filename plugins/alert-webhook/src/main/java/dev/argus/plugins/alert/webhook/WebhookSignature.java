package dev.argus.plugins.alert.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery: {@code X-Argus-Signature: sha256=<hex>} where the hex is the HMAC-SHA256, keyed
 * by the configured secret, of {@code <timestamp>.<body>} and the timestamp is the
 * {@code X-Argus-Timestamp} header (Unix seconds). Binding the timestamp into the signature lets a
 * receiver reject replays of an old, validly signed request.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Argus-Signature";
    static final String TIMESTAMP_HEADER = "X-Argus-Timestamp";

    private WebhookSignature() {
    }

    static String sign(String secret, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
