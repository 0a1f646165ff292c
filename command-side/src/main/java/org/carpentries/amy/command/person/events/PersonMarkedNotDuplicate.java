package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An admin looked at this person and the other one and found two people, not one: the pair no longer shows. */
@Revision("1")
public record PersonMarkedNotDuplicate(UUID personId, UUID otherPersonId) implements PersonEvent {
}
