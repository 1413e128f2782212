package dev.argus.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/** AES-256-GCM with a fresh 96-bit nonce per encryption and caller-supplied associated data. */
public final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(MasterKey key) {
        this.key = key;
    }

    /**
     * @param nonce      the nonce used
     * @param ciphertext ciphertext followed by the GCM tag
     * @param keyId      the master key's fingerprint
     */
    public record Sealed(byte[] nonce, byte[] ciphertext, String keyId) {
    }

    /** Encrypts {@code plaintext}, binding it to {@code associatedData}. */
    public Sealed seal(String plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new Sealed(nonce, cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)), key.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** Decrypts; fails when the key, the associated data or the ciphertext do not match. */
    public String open(Sealed sealed, String associatedData) {
        if (!sealed.keyId().equals(key.id())) {
            throw new IllegalStateException("secret was encrypted with master key " + sealed.keyId()
                    + " but the configured master key is " + key.id());
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret failed authentication (tampered or moved)", e);
        }
    }
}
