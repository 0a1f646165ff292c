package org.carpentries.amy.query.badges;

import java.time.Instant;
import java.util.UUID;

/**
 * A badge as lists and details show it. Who holds it is not here yet: holders come with awards, which belong to
 * people.
 */
public record BadgeView(UUID id, String name, String title, String criteria, boolean retired, long version,
                        Instant createdAt, Instant updatedAt) {
}
