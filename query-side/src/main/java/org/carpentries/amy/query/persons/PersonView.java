package org.carpentries.amy.query.persons;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person as lists and details show them. Personal fields are null when unknown or erased ({@code erased} says
 * which); {@code fullName} is AMY's: personal, middle when present, family. {@code mergedInto} names the survivor
 * once the person was merged into another.
 */
public record PersonView(UUID id, String personal, String middle, String family, String fullName, String username,
                         String email, String gender, UUID airportId, String github, String twitter, String url,
                         String orcid, String occupation, String affiliation, String notes, boolean mayContact,
                         List<UUID> lessonIds, List<UUID> domainIds, boolean archived, boolean erased, UUID mergedInto,
                         long version,
                         Instant createdAt, Instant updatedAt) {
}
