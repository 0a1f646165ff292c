package org.carpentries.amy.command.role.events;

import java.util.UUID;

/** Every fact about one role. */
public interface RoleEvent {
    UUID roleId();
}
