package org.carpentries.amy.api.deadletters;

import java.time.Instant;

/**
 * One parked event: its sequence (the aggregate, for every projection here) and place in it, the event, why it failed
 * (no cause when it only queued behind an earlier failure of the same sequence) and how often a retry failed.
 */
public record DeadLetterView(String sequenceId, String eventType, String eventId, Long globalPosition,
                             String aggregateType, String aggregateId, Long aggregateSequence, String causeType,
                             String causeMessage, Instant enqueuedAt, Instant lastTouched, long retries) {
}
