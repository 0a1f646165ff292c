package org.carpentries.amy.command.workshop.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** This workshop absorbed another with this strategy; the field and tag changes follow as their own events. */
@Revision("1")
public record WorkshopsMerged(UUID workshopId, UUID absorbedWorkshopId, WorkshopMergeStrategy strategy) implements WorkshopEvent {
}
