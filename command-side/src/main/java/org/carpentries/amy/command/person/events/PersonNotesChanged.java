package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The notes about the person changed (sealed). */
@Revision("1")
public record PersonNotesChanged(UUID personId, Sealed notes) implements PersonEvent {
}
