package org.carpentries.amy.command.person.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Whether the person may be contacted changed. */
@Revision("1")
public record PersonContactPermissionChanged(UUID personId, boolean mayContact) implements PersonEvent {
}
