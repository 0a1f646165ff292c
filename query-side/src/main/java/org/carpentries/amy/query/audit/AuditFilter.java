package org.carpentries.amy.query.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which entries to read: events at or after {@code from} and before {@code to}, by an actor (id or name as the
 * metadata holds it), of a record type or record, of an event type, or of one request; null means any.
 */
public record AuditFilter(Instant from, Instant to, String actor, String recordType, UUID recordId,
                          String eventType, String requestId) {

    public static AuditFilter any() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }
}
