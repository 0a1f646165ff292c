package org.carpentries.amy.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer tokens' secrets: {@code amy_} and 32 random bytes in base64url, and their digest. A plain SHA-256 of the
 * whole string is enough here, unlike for passwords: with 256 bits of entropy nobody can guess a secret from its
 * digest, so a slow, salted hash would only slow down every request.
 */
public final class TokenSecrets {

    /** What every secret starts with, so a leaked one is recognisable (secret scanners, logs). */
    public static final String PREFIX = "amy_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** A new secret, to be shown once and then forgotten. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 digest of the whole secret as sent, which is all AMY keeps. */
    public static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
