package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's gender changed (sealed). */
@Revision("1")
public record PersonGenderChanged(UUID personId, Sealed gender) implements PersonEvent {
}
