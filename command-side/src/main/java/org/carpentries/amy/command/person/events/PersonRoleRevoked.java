package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The person no longer holds a role. */
@Revision("1")
public record PersonRoleRevoked(UUID personId, LoginRole role) implements PersonEvent {
}
