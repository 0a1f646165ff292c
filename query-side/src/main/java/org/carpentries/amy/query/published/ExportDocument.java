package org.carpentries.amy.query.published;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** An export's bytes with its strong ETag (a digest of the bytes) and the time of the last change. */
public record ExportDocument(byte[] body, String etag, Instant lastModified, String mediaType) {

    /** The document of these bytes, its ETag the first 16 bytes of their SHA-256: equal ETags, equal bytes. */
    public static ExportDocument of(byte[] body, Instant lastModified, String mediaType) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
            return new ExportDocument(body, "\"" + digest + "\"", lastModified, mediaType);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
