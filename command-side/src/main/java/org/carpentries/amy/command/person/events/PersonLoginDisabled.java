package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person may no longer log in; their sessions ended. */
@Revision("1")
public record PersonLoginDisabled(UUID personId) implements PersonEvent {
}
