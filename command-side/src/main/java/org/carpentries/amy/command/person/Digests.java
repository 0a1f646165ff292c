package org.carpentries.amy.command.person;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Unique personal values (email, GitHub, Twitter) are claimed by digest, so the lookup table never holds the
 * values themselves; comparison is case-insensitive.
 */
public final class Digests {

    private Digests() {
    }

    public static String of(String kind, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((kind + ":" + value.toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
