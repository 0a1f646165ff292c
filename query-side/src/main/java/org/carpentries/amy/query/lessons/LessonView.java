package org.carpentries.amy.query.lessons;

import java.time.Instant;
import java.util.UUID;

/** A lesson as lists and details show it. */
public record LessonView(UUID id, String name, boolean retired, long version, Instant createdAt, Instant updatedAt) {
}
