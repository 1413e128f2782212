package dev.argus.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An API key pair: the public id ({@code pk-…}) names the key, the secret ({@code sk-…}) proves it.
 * Only the secret's SHA-256 is stored.
 *
 * @param publicKey the public id
 * @param secret    the secret
 */
public record ApiKeyCredentials(String publicKey, String secret) {

    private static final Pattern PUBLIC = Pattern.compile("pk-[A-Za-z0-9_-]{8,128}");
    private static final Pattern SECRET = Pattern.compile("sk-[A-Za-z0-9_-]{16,256}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Checks the format of both parts. */
    public ApiKeyCredentials {
        if (publicKey == null || !PUBLIC.matcher(publicKey).matches()) {
            throw new IllegalArgumentException("the public key must look like pk-<8 to 128 letters, digits, - or _>");
        }
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("the secret must look like sk-<16 to 256 letters, digits, - or _>");
        }
    }

    /** A new random key pair (128-bit public id, 256-bit secret). */
    public static ApiKeyCredentials generate() {
        return new ApiKeyCredentials("pk-" + randomHex(16), "sk-" + randomHex(32));
    }

    /** Parses {@code pk-…:sk-…}. */
    public static ApiKeyCredentials parse(String pair) {
        int colon = pair == null ? -1 : pair.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("an API key pair must be written pk-…:sk-…");
        }
        return new ApiKeyCredentials(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
    }

    /** The stored form of a secret. */
    public static byte[] hashSecret(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ApiKeyCredentials[" + publicKey + ":sk-***]";
    }
}
