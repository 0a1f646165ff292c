package org.carpentries.amy.command.person;

import java.time.LocalDate;
import java.util.UUID;

/** A badge a person holds: when, for which workshop and from whom (both optional). */
public record Award(UUID badgeId, LocalDate awarded, UUID workshopId, UUID awardedBy) {
}
