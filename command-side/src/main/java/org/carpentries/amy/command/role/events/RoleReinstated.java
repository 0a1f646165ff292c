package org.carpentries.amy.command.role.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A retired role can be chosen again. */
@Revision("1")
public record RoleReinstated(UUID roleId) implements RoleEvent {
}
