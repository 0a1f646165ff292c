package org.carpentries.amy.command.role.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A role now exists with this (unique, case-sensitive) name. */
@Revision("1")
public record RoleCreated(UUID roleId, String name) implements RoleEvent {
}
