package org.carpentries.amy.command.workshop;

import java.util.UUID;

/** One line of a workshop's roster: a person in a role. */
public record Task(UUID personId, UUID roleId) {
}
