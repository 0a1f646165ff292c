package org.carpentries.amy.query.replay;

import java.time.Instant;
import java.util.List;

/**
 * Where a rebuild (or a verification) of one read model stands: events replayed, the store's head, speed and
 * estimated time left; when verifying, the rows that differ between the live model and a fresh rebuild.
 */
public record RebuildProgress(String readModel, String mode, String state, Instant startedAt, Instant finishedAt,
                              long position, long head, long eventsReplayed, double eventsPerSecond,
                              Double secondsLeft, List<String> differences, String error) {
}
