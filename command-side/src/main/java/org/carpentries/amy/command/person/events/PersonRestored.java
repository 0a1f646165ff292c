package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An archived person is back, with their unique values. */
@Revision("1")
public record PersonRestored(UUID personId) implements PersonEvent {
}
