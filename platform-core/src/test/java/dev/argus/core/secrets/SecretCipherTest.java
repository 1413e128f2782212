package dev.argus.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dir;

    @Test
    void sealsAndOpensWithFreshNonces() {
        SecretCipher cipher = new SecretCipher(MasterKey.load(Optional.empty(), dir));
        SecretCipher.Sealed a = cipher.seal("provider key value", "p1/openai");
        SecretCipher.Sealed b = cipher.seal("provider key value", "p1/openai");
        assertFalse(Arrays.equals(a.nonce(), b.nonce()));
        assertFalse(Arrays.equals(a.ciphertext(), b.ciphertext()));
        assertFalse(new String(a.ciphertext(), StandardCharsets.ISO_8859_1).contains("provider key value"));
        assertEquals("provider key value", cipher.open(a, "p1/openai"));
    }

    @Test
    void rejectsMovedTamperedOrForeignCiphertexts() {
        SecretCipher cipher = new SecretCipher(MasterKey.load(Optional.empty(), dir));
        SecretCipher.Sealed sealed = cipher.seal("value", "p1/openai");
        assertThrows(IllegalStateException.class, () -> cipher.open(sealed, "p2/openai"));
        byte[] flipped = sealed.ciphertext().clone();
        flipped[0] ^= 1;
        assertThrows(IllegalStateException.class,
                () -> cipher.open(new SecretCipher.Sealed(sealed.nonce(), flipped, sealed.keyId()), "p1/openai"));
        byte[] other = new byte[32];
        other[0] = 7;
        SecretCipher foreign = new SecretCipher(MasterKey.load(Optional.of(Base64.getEncoder().encodeToString(other)), dir));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> foreign.open(sealed, "p1/openai"));
        assertTrue(e.getMessage().contains("master key"));
    }

    @Test
    void theKeyFileIsCreatedOnceWithOwnerOnlyPermissions() throws Exception {
        MasterKey first = MasterKey.load(Optional.empty(), dir);
        Path file = dir.resolve("master.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.id(), MasterKey.load(Optional.empty(), dir).id());
        assertFalse(first.toString().contains(Files.readString(file).trim()));
    }

    @Test
    void configuredKeysMustBe32Base64Bytes() {
        assertThrows(ConfigException.class, () -> MasterKey.load(Optional.of("c2hvcnQ="), dir));
        assertThrows(ConfigException.class, () -> MasterKey.load(Optional.of("not base64 at all!"), dir));
        assertFalse(Files.exists(dir.resolve("master.key")));
    }

    @Test
    void hintsShowOnlyTheEndOfLongValues() {
        assertEquals("…wxyz", SecretStore.hint("sk-abcdefghijklmnopqrstuvwxyz"));
        assertEquals(null, SecretStore.hint("short"));
        assertNotEquals("sk-abcdefghijklmnopqrstuvwxyz", SecretStore.hint("sk-abcdefghijklmnopqrstuvwxyz"));
    }
}
