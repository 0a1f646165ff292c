package org.carpentries.amy.command.person;

import java.util.UUID;

/** A person's task seen from the person: a role at a workshop. */
public record PersonTask(UUID workshopId, UUID roleId) {
}
