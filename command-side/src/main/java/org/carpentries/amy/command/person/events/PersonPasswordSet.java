package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's password was set; the hash is kept in the login table, never in an event. */
@Revision("1")
public record PersonPasswordSet(UUID personId) implements PersonEvent {
}
