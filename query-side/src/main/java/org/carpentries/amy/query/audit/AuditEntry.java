package org.carpentries.amy.query.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event in the audit log: when, who, which record, what happened, what changed, in which request, why, and, for
 * an event a restore recorded, the instant restored.
 */
public record AuditEntry(long position, Instant time, String actor, String actorName, Record record,
                         String eventType, String summary, List<Change> changes, String requestId,
                         String correlationId, String causationId, String reason, Instant restoredAsOf) {

    /** The record the event belongs to, with its slug or name at the time. */
    public record Record(String type, UUID id, String label) {
    }

    /** One field before and after the event; personal values opened, or {@code (erased)}. */
    public record Change(String field, @JsonProperty("old") Object oldValue, @JsonProperty("new") Object newValue) {
    }
}
