package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A tag now labels the workshop. */
@Revision("1")
public record TagAssignedToWorkshop(UUID workshopId, UUID tagId) implements WorkshopEvent {
}
