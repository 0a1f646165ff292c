package org.carpentries.amy.query.persons;

import java.time.LocalDate;
import java.util.UUID;

/** A badge a person holds: since when, for which workshop and from whom when known. */
public record AwardView(UUID badgeId, String badge, LocalDate awarded, UUID workshopId, UUID awardedBy) {
}
