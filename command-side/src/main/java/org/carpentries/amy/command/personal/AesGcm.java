package org.carpentries.amy.command.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.carpentries.amy.command.person.events.Sealed;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM from the JDK, with a fresh 96-bit nonce per value and the person's id as associated data. */
public final class AesGcm {

    static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private AesGcm() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public static Sealed seal(byte[] key, UUID personId, String value) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(personId));
            byte[] encrypted = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE + encrypted.length).put(nonce).put(encrypted).array();
            return new Sealed(PREFIX + Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a personal value", e);
        }
    }

    /** The value; empty when the ciphertext does not belong to this key and person. */
    public static Optional<String> unseal(byte[] key, UUID personId, Sealed sealed) {
        if (!sealed.value().startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.value().substring(PREFIX.length()));
            if (in.length < NONCE + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, in, 0,
                    NONCE));
            cipher.updateAAD(aad(personId));
            return Optional.of(new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException | java.security.ProviderException e) {
            return Optional.empty();
        }
    }

    private static byte[] aad(UUID personId) {
        return ByteBuffer.allocate(16).putLong(personId.getMostSignificantBits())
                .putLong(personId.getLeastSignificantBits()).array();
    }
}
