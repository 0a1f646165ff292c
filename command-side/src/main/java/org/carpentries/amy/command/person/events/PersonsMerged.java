package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * This person absorbed another with this strategy. Nothing changes by this event itself: the field changes, awards
 * ({@link BadgeAwarded}/{@link AwardRevoked}), qualifications, domains follow as their own events on this person, and
 * moved tasks as {@code TaskRemoved}/{@code TaskAdded} on each workshop. Projections may simply note the merge.
 */
@Revision("1")
public record PersonsMerged(UUID personId, UUID absorbedPersonId, PersonMergeStrategy strategy)
        implements PersonEvent {
}
