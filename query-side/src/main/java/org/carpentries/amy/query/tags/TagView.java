package org.carpentries.amy.query.tags;

import java.time.Instant;
import java.util.UUID;

/** A tag as lists and details show it, with how many live workshops carry it. */
public record TagView(UUID id, String name, String details, boolean retired, long version, long workshopCount,
                      Instant createdAt, Instant updatedAt) {
}
