package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person's (unique) username is now {@code username}. */
@Revision("1")
public record PersonUsernameChanged(UUID personId, String username) implements PersonEvent {
}
