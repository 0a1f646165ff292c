package org.carpentries.amy.query.audit;

import java.time.Instant;

/** The last entry of a page, in the log's order (time, then position); the next page starts after it. */
public record AuditCursor(Instant time, long position) {
}
