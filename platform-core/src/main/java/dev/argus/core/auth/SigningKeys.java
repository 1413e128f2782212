package dev.argus.core.auth;

import dev.argus.core.config.ConfigException;
import dev.argus.core.secrets.KeyFile;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HMAC keys for access tokens, by key id ({@code kid}). The first key signs; every key verifies, so a
 * new key can be put first while tokens signed with the old one run out. Written as
 * {@code kid:base64[,kid:base64…]} in {@code jwt_keys}, or one {@code kid:base64} per line in the key
 * file {@code <data_dir>/jwt-keys}, created on first start.
 *
 * @param signing the key new tokens are signed with
 * @param all     every accepted key by id
 */
public record SigningKeys(Key signing, Map<String, Key> all) {

    /**
     * @param id     the {@code kid}
     * @param secret at least 32 bytes
     */
    public record Key(String id, byte[] secret) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    /** Loads {@code jwt_keys} or the key file. */
    public static SigningKeys load(Optional<String> configured, Path dataDir) {
        String text = configured.orElseGet(() -> KeyFile.readOrCreate(dataDir.resolve("jwt-keys"), SigningKeys::generate));
        return parse(text);
    }

    /** Parses {@code kid:base64} entries separated by commas or new lines. */
    public static SigningKeys parse(String text) {
        Map<String, Key> keys = new LinkedHashMap<>();
        for (String entry : text.split("[,\\n]")) {
            String e = entry.trim();
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new ConfigException("jwt_keys entries must be kid:base64-secret");
            }
            String id = e.substring(0, colon).trim();
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(e.substring(colon + 1).trim());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException("jwt_keys: the secret of key " + id + " is not base64");
            }
            if (secret.length < 32) {
                throw new ConfigException("jwt_keys: key " + id + " must have at least 32 bytes, has " + secret.length);
            }
            if (keys.putIfAbsent(id, new Key(id, secret)) != null) {
                throw new ConfigException("jwt_keys: key id " + id + " appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new ConfigException("jwt_keys must hold at least one kid:base64-secret entry");
        }
        return new SigningKeys(keys.values().iterator().next(), Map.copyOf(keys));
    }

    /** A new key entry, {@code kid:base64}. */
    public static String generate() {
        byte[] secret = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        String id = "k" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "-" + HexFormat.of().formatHex(suffix);
        return id + ":" + Base64.getEncoder().encodeToString(secret);
    }

    /** The key with this id, if accepted. */
    public Optional<Key> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(all.get(id));
    }

    /** The ids of all accepted keys. */
    public List<String> ids() {
        return List.copyOf(all.keySet());
    }
}
