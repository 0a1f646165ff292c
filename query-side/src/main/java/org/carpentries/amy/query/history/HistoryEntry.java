package org.carpentries.amy.query.history;

import java.time.Instant;
import java.util.List;

/**
 * One event of a record: what happened, when (UTC), who did it, in which request, why, what changed, and, for an
 * event a restore recorded, the instant it restored.
 */
public record HistoryEntry(long version, String type, Instant occurredAt, String actor, String actorName,
                           String requestId, String correlationId, String causationId, String reason,
                           String restoredAsOf, List<FieldChange> changes) {

    /** One field before and after the event. */
    public record FieldChange(String field, Object oldValue, Object newValue) {
    }
}
