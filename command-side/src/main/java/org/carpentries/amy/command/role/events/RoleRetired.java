package org.carpentries.amy.command.role.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The role can no longer be newly given; tasks that have it keep it. */
@Revision("1")
public record RoleRetired(UUID roleId) implements RoleEvent {
}
