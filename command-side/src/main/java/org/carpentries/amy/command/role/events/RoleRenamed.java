package org.carpentries.amy.command.role.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The role is now named {@code name}; the old name is free again. */
@Revision("1")
public record RoleRenamed(UUID roleId, String name) implements RoleEvent {
}
