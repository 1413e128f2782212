package dev.argus.core.secrets;

import dev.argus.core.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that encrypts secrets at rest: {@code ARGUS_MASTER_KEY} (base64 of 32 bytes) or the
 * file {@code <data_dir>/master.key}, created on first start with mode 0600.
 *
 * @param key the AES key
 * @param id  a short fingerprint stored beside each ciphertext, so a wrong key is reported as such
 */
public record MasterKey(SecretKey key, String id) {

    /** Loads the configured key or the key file. */
    public static MasterKey load(Optional<String> configured, Path dataDir) {
        String encoded = configured.orElseGet(() -> KeyFile.readOrCreate(dataDir.resolve("master.key"), () -> {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }));
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("master_key must be base64 of 32 random bytes (e.g. openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new ConfigException("master_key must be base64 of exactly 32 bytes, was " + bytes.length + " bytes");
        }
        return new MasterKey(new SecretKeySpec(bytes, "AES"), fingerprint(bytes));
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("argus-master-key-id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
