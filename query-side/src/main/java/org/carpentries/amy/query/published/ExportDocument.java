package org.carpentries.amy.query.published;

import java.time.Instant;

/** An export's bytes with its strong ETag (from the read model's position) and the time of the last change. */
public record ExportDocument(byte[] body, String etag, Instant lastModified, String mediaType) {
}
