package dev.argus.core.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=…}). */
public final class PasswordHasher {

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    /** Hashes a password with a fresh salt. */
    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Checks a password against a stored hash in constant time. */
    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }
}
