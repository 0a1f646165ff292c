package org.carpentries.amy.command.person.events;

import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person holds this badge since {@code awarded}, for a workshop and from a person when known. */
@Revision("1")
public record BadgeAwarded(UUID personId, UUID badgeId, LocalDate awarded, UUID workshopId, UUID awardedBy)
        implements PersonEvent {
}
