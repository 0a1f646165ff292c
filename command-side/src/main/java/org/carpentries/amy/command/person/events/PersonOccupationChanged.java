package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's occupation and affiliation changed (sealed). */
@Revision("1")
public record PersonOccupationChanged(UUID personId, Sealed occupation, Sealed affiliation) implements PersonEvent {
}
