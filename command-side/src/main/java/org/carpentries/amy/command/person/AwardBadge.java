package org.carpentries.amy.command.person;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Award a badge to a person (once: person × badge is unique). Rejected for an unknown or retired badge, an unknown
 * workshop or awarding person, and an archived or erased person.
 */
public record AwardBadge(@TargetAggregateIdentifier UUID personId, UUID badgeId, LocalDate awarded, UUID workshopId,
                         UUID awardedBy) {

    public AwardBadge {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(badgeId, "badgeId");
        Objects.requireNonNull(awarded, "awarded");
    }
}
