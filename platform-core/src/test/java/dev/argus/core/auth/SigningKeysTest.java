package dev.argus.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.argus.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    static final String K32 = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theFirstKeySignsAndAllVerify() {
        SigningKeys keys = SigningKeys.parse("new:" + K32 + ", old:" + K32);
        assertEquals("new", keys.signing().id());
        assertEquals(List.of("new", "old"), keys.ids().stream().sorted().toList());
        assertTrue(keys.find("old").isPresent());
        assertTrue(keys.find("other").isEmpty());
    }

    @Test
    void weakDuplicateOrMalformedKeysAreRefused() {
        assertThrows(ConfigException.class, () -> SigningKeys.parse("k:" + Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(ConfigException.class, () -> SigningKeys.parse("k:" + K32 + ",k:" + K32));
        assertThrows(ConfigException.class, () -> SigningKeys.parse(K32));
        assertThrows(ConfigException.class, () -> SigningKeys.parse(" , "));
    }

    @Test
    void withoutConfigurationAKeyFileIsCreatedOnceWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
        SigningKeys first = SigningKeys.load(Optional.empty(), dir);
        Path file = dir.resolve("jwt-keys");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.signing().id(), SigningKeys.load(Optional.empty(), dir).signing().id());
        // a new key written first rotates signing while the old one still verifies
        Files.writeString(file, SigningKeys.generate() + "\n" + Files.readString(file));
        SigningKeys rotated = SigningKeys.load(Optional.empty(), dir);
        assertTrue(!rotated.signing().id().equals(first.signing().id()));
        assertTrue(rotated.find(first.signing().id()).isPresent());
    }
}
