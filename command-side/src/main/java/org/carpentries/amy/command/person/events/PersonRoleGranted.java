package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person now holds a role. */
@Revision("1")
public record PersonRoleGranted(UUID personId, LoginRole role) implements PersonEvent {
}
