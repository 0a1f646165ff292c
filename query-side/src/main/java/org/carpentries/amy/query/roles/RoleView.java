package org.carpentries.amy.query.roles;

import java.time.Instant;
import java.util.UUID;

/** A role as lists and details show it. */
public record RoleView(UUID id, String name, boolean retired, long version, Instant createdAt, Instant updatedAt) {
}
