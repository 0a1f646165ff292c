package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Another admin (or nobody, when null) now looks after the workshop. */
@Revision("1")
public record WorkshopAssigneeChanged(UUID workshopId, UUID assignedTo) implements WorkshopEvent {
}
