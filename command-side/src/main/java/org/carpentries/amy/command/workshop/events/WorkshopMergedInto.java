package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** This workshop was merged into another and is archived; its slug and url are freed. */
@Revision("1")
public record WorkshopMergedInto(UUID workshopId, UUID survivorWorkshopId) implements WorkshopEvent {
}
