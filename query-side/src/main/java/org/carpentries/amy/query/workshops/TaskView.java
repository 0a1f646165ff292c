package org.carpentries.amy.query.workshops;

import java.util.UUID;

/** One task of a workshop: the person (with their username and full name) and the role. */
public record TaskView(UUID personId, String username, String fullName, UUID roleId) {
}
