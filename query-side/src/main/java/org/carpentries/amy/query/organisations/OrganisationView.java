package org.carpentries.amy.query.organisations;

import java.time.Instant;
import java.util.UUID;

/** An organisation as lists and details show it. */
public record OrganisationView(UUID id, String domain, String fullname, String country, String notes, long version,
                               Instant createdAt, Instant updatedAt) {
}
