package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person no longer holds this badge; the badge itself is untouched and the award stays in history. */
@Revision("1")
public record AwardRevoked(UUID personId, UUID badgeId) implements PersonEvent {
}
